import { defineStrings } from '~/i18n/strings';

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
    notFoundTitle: 'Không tìm thấy trang',
    notFoundBody: 'Địa chỉ này không có trên Chợ CNNT: có thể sản phẩm đã đổi tên hoặc đường dẫn bị gõ sai.',
    notFoundHome: 'Về trang chủ',
    notFoundSearch: 'Tìm sản phẩm',
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
    searchPlaceholder: 'e.g. fish sauce, ceramics',
    searchButton: 'Search',
    language: 'Language',
    switchTo: 'Tiếng Việt',
    sampleNotice:
      'The data on this site is generated sample data for demonstration, not the official list of certificates.',
    footerAbout:
      'The website to promote, introduce and sell typical rural industrial products certified at every level.',
    footerOpenData: 'Open data',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This address is not on Chợ CNNT: the product may have been renamed, or the link mistyped.',
    notFoundHome: 'Go to the home page',
    notFoundSearch: 'Search products',
  },
});
