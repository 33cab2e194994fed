/**
 * Where the sample's facilities are: for each of the 63 former provinces (as named before
 * 1 July 2025), a few real districts, the crafts and specialities it is known for
 * (template=place), and a weight for how many facilities it gets.
 */
export interface PlaceInfo {
  districts: string[];
  /** [template key, place] pairs: local specialities. */
  crafts: [string, string][];
  weight: number;
}

const RAW: Record<string, [districts: string, crafts: string, weight: number]> = {
  'Hà Nội': ['Gia Lâm|Chương Mỹ|Thường Tín|Ứng Hòa|Thạch Thất|Phú Xuyên|Ba Vì', 'gom=Bát Tràng;lua=Vạn Phúc;may=Phú Vinh;go=Sơn Đồng;sonmai=Hạ Thái;theu=Quất Động;non=Làng Chuông;com=Làng Vòng;sung=Thụy Ứng', 6],
  'Cao Bằng': ['Trùng Khánh|Quảng Hòa|Hòa An|Nguyên Bình', 'daophucsen=Phúc Sen;hatde=Trùng Khánh;thocam=Cao Bằng;mien=Nguyên Bình', 1],
  'Lai Châu': ['Tam Đường|Phong Thổ|Than Uyên|Sìn Hồ', 'shantuyet=Tam Đường;thocam=Lai Châu;bokho=Lai Châu', 1],
  'Điện Biên': ['Mường Ảng|Điện Biên|Tuần Giáo|Mường Chà', 'gao=Điện Biên;arabica=Mường Ảng;thocam=Điện Biên', 1],
  'Sơn La': ['Mộc Châu|Mai Sơn|Thuận Châu|Yên Châu', 'che=Mộc Châu;arabica=Sơn La;hong=Mộc Châu;thocam=Thuận Châu;bokho=Sơn La', 2],
  'Lạng Sơn': ['Bắc Sơn|Văn Quan|Lộc Bình|Cao Lộc', 'que=Lạng Sơn;hong=Bảo Lâm;ruou=Mẫu Sơn;thocam=Lạng Sơn', 1],
  'Quảng Ninh': ['Tiên Yên|Vân Đồn|Bình Liêu|Hải Hà', 'gom=Đông Triều;mien=Bình Liêu;kho=Hạ Long;nuocmam=Cái Rồng', 2],
  'Tuyên Quang': ['Hàm Yên|Sơn Dương|Na Hang|Chiêm Hóa', 'shantuyet=Na Hang;che=Mỹ Bằng;muttraicay=Hàm Yên', 1],
  'Hà Giang': ['Hoàng Su Phì|Quản Bạ|Đồng Văn|Bắc Quang', 'shantuyet=Hoàng Su Phì;thocam=Lùng Tám;ruou=Thanh Vân;bokho=Hà Giang', 1],
  'Lào Cai': ['Văn Bàn|Bắc Hà|Bát Xát|Mường Khương', 'thocam=Sa Pa;ruou=Bắc Hà;shantuyet=Bát Xát;tuong=Mường Khương', 1],
  'Yên Bái': ['Văn Chấn|Văn Yên|Trấn Yên|Lục Yên', 'shantuyet=Suối Giàng;que=Văn Yên;gao=Mường Lò', 1],
  'Thái Nguyên': ['Đại Từ|Phú Lương|Định Hóa|Đồng Hỷ', 'che=Tân Cương;che=La Bằng;che=Trại Cài;che=Thái Nguyên', 3],
  'Bắc Kạn': ['Na Rì|Ba Bể|Chợ Đồn|Bạch Thông', 'mien=Na Rì;hong=Bắc Kạn', 1],
  'Phú Thọ': ['Thanh Sơn|Tân Sơn|Lâm Thao|Cẩm Khê', 'che=Phú Thọ;non=Sai Nga;may=Phú Thọ', 2],
  'Vĩnh Phúc': ['Tam Dương|Lập Thạch|Vĩnh Tường|Yên Lạc', 'gom=Hương Canh;go=Thanh Lãng', 1],
  'Hòa Bình': ['Tân Lạc|Mai Châu|Lạc Sơn|Cao Phong', 'thocam=Mai Châu;muttraicay=Cao Phong;ruoucan=Mai Châu', 1],
  'Bắc Ninh': ['Thuận Thành|Gia Bình|Lương Tài|Yên Phong', 'go=Đồng Kỵ;dong=Đại Bái;giaydo=Đông Hồ;gom=Phù Lãng', 3],
  'Bắc Giang': ['Lục Ngạn|Tân Yên|Lạng Giang|Yên Thế', 'vai=Lục Ngạn;gom=Thổ Hà;my=Chũ;ruou=Làng Vân', 2],
  'Hưng Yên': ['Khoái Châu|Văn Giang|Văn Lâm|Kim Động', 'vai=Hưng Yên;tuong=Bần;may=Hưng Yên', 2],
  'Thái Bình': ['Đông Hưng|Kiến Xương|Vũ Thư|Thái Thụy', 'theu=Minh Lãng;dong=Đồng Xâm;coi=Thái Bình;banhcay=Làng Nguyễn', 2],
  'Hải Phòng': ['An Lão|Vĩnh Bảo|Tiên Lãng|Cát Hải', 'nuocmam=Cát Hải;kho=Cát Bà', 2],
  'Hải Dương': ['Gia Lộc|Thanh Hà|Nam Sách|Ninh Giang|Cẩm Giàng', 'gom=Chu Đậu;daxanh=Hải Dương;banhgai=Ninh Giang;vai=Thanh Hà;dong=Châu Khê', 2],
  'Ninh Bình': ['Kim Sơn|Gia Viễn|Yên Khánh|Nho Quan', 'coi=Kim Sơn;theu=Văn Lâm;da=Ninh Vân;ruou=Kim Sơn', 2],
  'Hà Nam': ['Lý Nhân|Bình Lục|Kim Bảng|Thanh Liêm', 'lua=Nha Xá;theu=Hà Nam', 1],
  'Nam Định': ['Ý Yên|Hải Hậu|Xuân Trường|Vụ Bản', 'go=La Xuyên;gao=Hải Hậu;dong=Tống Xá;nuocmam=Giao Thủy', 2],
  'Thanh Hóa': ['Nga Sơn|Hoằng Hóa|Quảng Xương|Thọ Xuân', 'coi=Nga Sơn;nuocmam=Sầm Sơn;kho=Sầm Sơn', 3],
  'Nghệ An': ['Quỳnh Lưu|Nghi Lộc|Diễn Châu|Thanh Chương', 'nuocmam=Vạn Phần;che=Thanh Chương;tuong=Nam Đàn', 3],
  'Hà Tĩnh': ['Hương Sơn|Can Lộc|Thạch Hà|Kỳ Anh', 'cudo=Hà Tĩnh;mam=Hà Tĩnh', 1],
  'Quảng Trị': ['Hải Lăng|Cam Lộ|Hướng Hóa|Gio Linh', 'caphe=Khe Sanh;tieu=Cùa', 1],
  'Quảng Bình': ['Lệ Thủy|Quảng Trạch|Bố Trạch|Minh Hóa', 'non=Quảng Bình;kho=Nhật Lệ', 1],
  'Thừa Thiên Huế': ['Phú Vang|Quảng Điền|Phong Điền|Phú Lộc', 'non=Tây Hồ;mexung=Huế;mam=Huế;gom=Phước Tích', 2],
  'Đà Nẵng': ['Hòa Vang', 'da=Non Nước;nuocmam=Nam Ô;kho=Đà Nẵng', 2],
  'Quảng Nam': ['Duy Xuyên|Thăng Bình|Đại Lộc|Tiên Phước', 'denlong=Hội An;gom=Thanh Hà;lua=Mã Châu;go=Kim Bồng;dong=Phước Kiều;sam=Nam Trà My', 3],
  'Quảng Ngãi': ['Bình Sơn|Tư Nghĩa|Mộ Đức|Sơn Tịnh', 'kho=Sa Huỳnh;keolac=Quảng Ngãi', 1],
  'Kon Tum': ['Đắk Hà|Ngọc Hồi|Đắk Tô|Kon Plông', 'sam=Ngọc Linh;caphe=Đắk Hà;ruoucan=Kon Tum;thocam=Kon Tum', 1],
  'Gia Lai': ['Chư Sê|Chư Prông|Đăk Đoa|Ia Grai', 'caphe=Gia Lai;tieu=Chư Sê;thocam=Gia Lai', 2],
  'Bình Định': ['Tuy Phước|Tây Sơn|Phù Cát|Phù Mỹ', 'banhtrang=Trường Thành;ruou=Bàu Đá;nuocmam=Tam Quan;non=Phú Gia', 2],
  'Khánh Hòa': ['Khánh Vĩnh|Cam Lâm|Diên Khánh|Vạn Ninh', 'nuocmam=Nha Trang;kho=Nha Trang;muttraicay=Cam Lâm', 2],
  'Ninh Thuận': ['Ninh Phước|Ninh Hải|Thuận Nam', 'gom=Bàu Trúc;thocam=Mỹ Nghiệp', 1],
  'Lâm Đồng': ['Di Linh|Đức Trọng|Lâm Hà|Đơn Dương', 'che=Bảo Lộc;arabica=Cầu Đất;lua=Bảo Lộc;linhchi=Đà Lạt;hong=Đà Lạt', 3],
  'Đắk Nông': ['Cư Jút|Đắk Mil|Đắk Song|Krông Nô', 'caphe=Đắk Nông;tieu=Đắk Song', 1],
  'Bình Thuận': ['Hàm Thuận Nam|Tuy Phong|Hàm Tân|Bắc Bình', 'nuocmam=Phan Thiết;kho=Phan Thiết;muttraicay=Bình Thuận', 2],
  'Đắk Lắk': ['Cư Kuin|Krông Pắc|Krông Năng|Ea Kar', 'caphe=Buôn Ma Thuột;thocam=Buôn Đôn;tieu=Đắk Lắk', 3],
  'Phú Yên': ['Tuy An|Phú Hòa|Tây Hòa|Sơn Hòa', 'nuocmam=Gành Đỏ;banhtrang=Hòa Đa', 1],
  'Hồ Chí Minh': ['Củ Chi|Hóc Môn|Bình Chánh|Cần Giờ', 'kho=Cần Giờ;sonmai=Sài Gòn', 3],
  'Bình Dương': ['Bàu Bàng|Bắc Tân Uyên|Dầu Tiếng|Phú Giáo', 'gom=Lái Thiêu;sonmai=Tương Bình Hiệp', 2],
  'Bà Rịa - Vũng Tàu': ['Long Điền|Đất Đỏ|Xuyên Mộc|Châu Đức', 'nuocmam=Long Hải;kho=Vũng Tàu;tieu=Châu Đức', 1],
  'Đồng Nai': ['Cẩm Mỹ|Trảng Bom|Xuân Lộc|Định Quán', 'gom=Biên Hòa;dieu=Xuân Lộc', 2],
  'Bình Phước': ['Bù Đăng|Lộc Ninh|Hớn Quản|Bù Gia Mập', 'dieu=Bình Phước;tieu=Lộc Ninh', 1],
  'Tây Ninh': ['Dương Minh Châu|Gò Dầu|Châu Thành|Tân Châu', 'banhtrang=Trảng Bàng', 1],
  'Long An': ['Đức Hòa|Cần Đước|Bến Lức|Tân Trụ', 'gao=Long An;lucbinh=Long An', 1],
  'Cần Thơ': ['Phong Điền|Cờ Đỏ|Thới Lai|Ô Môn', 'banhtrang=Thuận Hưng;keolac=Cần Thơ', 2],
  'Sóc Trăng': ['Mỹ Xuyên|Kế Sách|Châu Thành|Vĩnh Châu', 'pia=Vũng Thơm;pia=Sóc Trăng;gao=Sóc Trăng', 2],
  'Hậu Giang': ['Vị Thủy|Phụng Hiệp|Long Mỹ', 'lucbinh=Hậu Giang', 1],
  'Vĩnh Long': ['Long Hồ|Vũng Liêm|Trà Ôn|Mang Thít', 'gom=Mang Thít', 1],
  'Bến Tre': ['Mỏ Cày Nam|Châu Thành|Giồng Trôm|Chợ Lách', 'keodua=Bến Tre;dauduacoc=Bến Tre', 2],
  'Trà Vinh': ['Cầu Kè|Tiểu Cần|Trà Cú|Càng Long', 'keodua=Trà Vinh', 1],
  'Đồng Tháp': ['Lai Vung|Cao Lãnh|Tháp Mười|Châu Thành', 'lucbinh=Đồng Tháp;banhtrang=Sa Đéc', 1],
  'Tiền Giang': ['Cái Bè|Chợ Gạo|Cai Lậy|Gò Công Đông', 'muttraicay=Cái Bè;keodua=Tiền Giang', 1],
  'Cà Mau': ['Năm Căn|Ngọc Hiển|U Minh|Trần Văn Thời', 'kho=Cà Mau;matong=U Minh', 1],
  'Bạc Liêu': ['Phước Long|Hòa Bình|Vĩnh Lợi|Đông Hải', 'kho=Bạc Liêu', 1],
  'An Giang': ['Châu Phú|An Phú|Thoại Sơn|Chợ Mới', 'mam=Châu Đốc;lua=Tân Châu;thocam=Văn Giáo', 2],
  'Kiên Giang': ['Kiên Lương|Hòn Đất|An Biên|Châu Thành', 'nuocmam=Phú Quốc;tieu=Phú Quốc;kho=Phú Quốc', 2],
};

export const PLACES: Record<string, PlaceInfo> = Object.fromEntries(
  Object.entries(RAW).map(([name, [districts, crafts, weight]]) => [
    name,
    {
      districts: districts.split('|'),
      crafts: crafts.split(';').map((c) => c.split('=') as [string, string]),
      weight,
    },
  ]),
);

/** Common commune names, for addresses. */
export const COMMUNES = [
  'Tân Lập', 'Đồng Tâm', 'Quang Trung', 'Thống Nhất', 'Tân Tiến', 'Hợp Thành', 'Phú Lộc', 'An Bình', 'Xuân Phú',
  'Hòa Bình', 'Tân Phú', 'Minh Đức', 'Thanh Sơn', 'Hưng Đạo', 'Phú Thịnh', 'Vĩnh Hòa', 'Bình Minh', 'Tân Hội',
  'Đông Phong', 'Nghĩa Hưng', 'Cẩm Phú', 'Long Hưng', 'Trung Hòa', 'Đại Đồng', 'Hồng Phong', 'Yên Hòa',
];

export const BRANDS = [
  'Hồng Phúc', 'Minh Khang', 'Thành Đạt', 'An Phát', 'Phúc Lộc', 'Tân Thành', 'Hoàng Gia', 'Đại Phát', 'Quang Minh',
  'Hưng Thịnh', 'Việt Hưng', 'Kim Ngân', 'Thiên Phú', 'Bảo An', 'Nam Việt', 'Trường Sơn', 'Hải Hà', 'Ngọc Lan',
  'Sao Mai', 'Bình Minh', 'Phương Nam', 'Thanh Bình', 'Đức Thịnh', 'Vĩnh Tiến', 'Hợp Thành', 'Tiến Đạt', 'Gia Bảo',
  'Thuận Phát', 'Khánh An', 'Phú Quý', 'Lộc Phát', 'Toàn Thắng', 'Hưng Long', 'Tâm Đức', 'Thái Sơn', 'Hoàng Long',
  'Ánh Dương', 'Phúc Hưng', 'Mỹ Lộc', 'Đông Sơn', 'Hòa Thuận', 'Minh Tâm', 'Tân Hưng', 'Trung Kiên', 'Thanh Hương',
  'Hương Quê', 'Làng Việt', 'Quê Nhà', 'Đất Việt', 'Sông Hồng', 'Cửu Long', 'Tây Bắc', 'Đông Phương', 'Ngọc Minh',
  'Phú Gia', 'An Khang', 'Thịnh Vượng', 'Hồng Hà', 'Thu Hà', 'Hà Linh', 'Mai Anh', 'Thảo Nguyên', 'Bích Ngọc',
  'Hoa Mai', 'Trúc Lâm', 'Vạn Xuân', 'Hưng Phát', 'Kim Phát', 'Đại Dương', 'Hải Long', 'Long Thành', 'Ba Sao',
];

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Lương', 'Mai'];
export const MALE = ['Văn Hùng', 'Văn Dũng', 'Đức Thắng', 'Văn Nam', 'Minh Tuấn', 'Quốc Bảo', 'Văn Long', 'Hữu Phước', 'Công Thành', 'Văn Hải', 'Đình Khoa', 'Xuân Trường', 'Văn Tài', 'Thanh Tùng', 'Văn Sơn'];
export const FEMALE = ['Thị Lan', 'Thị Hoa', 'Thị Mai', 'Thị Hương', 'Thị Thu', 'Thị Ngọc', 'Thị Hạnh', 'Thị Liên', 'Thị Nga', 'Thị Bích', 'Thu Trang', 'Thị Yến', 'Thị Hằng', 'Thị Dung', 'Thị Loan'];
