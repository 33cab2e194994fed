import { defineStrings } from '../i18n/strings';

/** Strings of the shared page chrome (header, footer, notices). */
export const uiStrings = defineStrings({
  vi: {
    siteName: 'Chợ CNNT',
    siteTagline: 'Sản phẩm công nghiệp nông thôn tiêu biểu',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    navProducts: 'Sản phẩm',
    navFacilities: 'Cơ sở',
    navWholesale: 'Mua sỉ',
    navVerify: 'Kiểm tra chứng nhận',
    navProgramme: 'Chương trình',
    navCart: 'Giỏ hàng',
    mainNav: 'Điều hướng chính',
    searchLabel: 'Tìm sản phẩm, cơ sở, số chứng nhận',
    searchPlaceholder: 'Ví dụ: nước mắm, gốm Bát Tràng',
    searchButton: 'Tìm',
    language: 'Ngôn ngữ',
    switchTo: 'English',
    sampleNotice:
      'Dữ liệu trên trang là dữ liệu mẫu được tạo tự động để trình diễn, không phải danh sách chứng nhận chính thức.',
    footerAbout:
      'Trang giới thiệu, quảng bá và bán sản phẩm công nghiệp nông thôn tiêu biểu các cấp.',
    footerOpenData: 'Dữ liệu mở',
  },
  en: {
    siteName: 'Chợ CNNT',
    siteTagline: 'Typical rural industrial products of Vietnam',
    skipToContent: 'Skip to main content',
    navProducts: 'Products',
    navFacilities: 'Facilities',
    navWholesale: 'Wholesale',
    navVerify: 'Verify a certificate',
    navProgramme: 'Programme',
    navCart: 'Cart',
    mainNav: 'Main navigation',
    searchLabel: 'Search products, facilities, certificate numbers',
    searchPlaceholder: 'e.g. fish sauce, Bat Trang ceramics',
    searchButton: 'Search',
    language: 'Language',
    switchTo: 'Tiếng Việt',
    sampleNotice:
      'The data on this site is generated sample data for demonstration, not the official list of certificates.',
    footerAbout:
      'The website to promote, introduce and sell typical rural industrial products certified at every level.',
    footerOpenData: 'Open data',
  },
});
