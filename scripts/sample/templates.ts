/**
 * Product name templates for the sample. "{p}" is a place (a craft village, district or
 * province name that fits the facility), "{m}" a machine model code. Local templates are used
 * only where a province lists them (gốm Bát Tràng, lụa Vạn Phúc, bánh pía Sóc Trăng, …);
 * generic ones anywhere, for their group.
 */
import type { KindKey } from './kinds';

export interface Template {
  kind: KindKey;
  names: [vi: string, en: string][];
  /** Used anywhere (with this weight) rather than only where a province lists it. */
  generic?: number;
  /** Limit a generic template to some regions' provinces (by their programme region). */
  regions?: ('north' | 'central' | 'south')[];
}

export const TEMPLATES: Record<string, Template> = {
  // — food: local specialities —
  nuocmam: {
    kind: 'fishsauce',
    names: [
      ['Nước mắm cá cơm {p}', '{p} anchovy fish sauce'],
      ['Nước mắm nhĩ {p}', '{p} first-press fish sauce'],
      ['Nước mắm truyền thống {p}', '{p} traditional fish sauce'],
      ['Nước mắm cá cơm than {p}', '{p} black anchovy fish sauce'],
    ],
  },
  mam: {
    kind: 'sauce',
    names: [
      ['Mắm tôm {p}', '{p} shrimp paste'],
      ['Mắm tép {p}', '{p} small-shrimp paste'],
      ['Mắm ruốc {p}', '{p} krill paste'],
    ],
  },
  tuong: {
    kind: 'sauce',
    names: [
      ['Tương {p}', '{p} fermented soybean sauce'],
      ['Tương ớt {p}', '{p} chilli sauce'],
    ],
  },
  che: {
    kind: 'tea',
    names: [
      ['Chè xanh {p}', '{p} green tea'],
      ['Trà móc câu {p}', '{p} hook-shaped tea'],
      ['Chè búp {p}', '{p} tea buds'],
      ['Hồng trà {p}', '{p} black tea'],
      ['Trà nõn tôm {p}', '{p} young-bud tea'],
    ],
  },
  shantuyet: {
    kind: 'tea',
    names: [
      ['Trà Shan tuyết {p}', '{p} Shan Tuyet tea'],
      ['Bạch trà Shan tuyết {p}', '{p} Shan Tuyet white tea'],
      ['Hồng trà Shan tuyết {p}', '{p} Shan Tuyet black tea'],
    ],
  },
  caphe: {
    kind: 'coffee',
    names: [
      ['Cà phê rang xay {p}', '{p} roasted ground coffee'],
      ['Cà phê Robusta {p}', '{p} Robusta coffee'],
      ['Cà phê hạt rang {p}', '{p} roasted coffee beans'],
      ['Cà phê Culi {p}', '{p} peaberry coffee'],
    ],
  },
  arabica: {
    kind: 'coffee',
    names: [
      ['Cà phê Arabica {p}', '{p} Arabica coffee'],
      ['Cà phê Arabica rang mộc {p}', '{p} plain-roasted Arabica coffee'],
    ],
  },
  pia: {
    kind: 'confection',
    names: [
      ['Bánh pía {p}', '{p} pía cake'],
      ['Bánh pía sầu riêng {p}', '{p} durian pía cake'],
      ['Bánh pía đậu xanh trứng muối {p}', '{p} mung bean and salted egg pía cake'],
    ],
  },
  keodua: {
    kind: 'confection',
    names: [
      ['Kẹo dừa {p}', '{p} coconut candy'],
      ['Kẹo dừa sầu riêng {p}', '{p} durian coconut candy'],
      ['Kẹo dừa lá dứa {p}', '{p} pandan coconut candy'],
    ],
  },
  com: {
    kind: 'confection',
    names: [
      ['Cốm {p}', '{p} young green rice'],
      ['Bánh cốm {p}', '{p} green rice cake'],
    ],
  },
  banhgai: {
    kind: 'confection',
    names: [
      ['Bánh gai {p}', '{p} ramie leaf cake'],
      ['Bánh gai nhân đậu xanh {p}', '{p} ramie leaf cake with mung bean'],
    ],
  },
  daxanh: {
    kind: 'confection',
    names: [
      ['Bánh đậu xanh {p}', '{p} mung bean cake'],
      ['Bánh đậu xanh nhân sen {p}', '{p} mung bean cake with lotus seed'],
    ],
  },
  cudo: { kind: 'confection', names: [['Kẹo cu đơ {p}', '{p} cu đơ peanut candy']] },
  mexung: {
    kind: 'confection',
    names: [
      ['Mè xửng {p}', '{p} sesame candy'],
      ['Mè xửng dẻo {p}', '{p} soft sesame candy'],
    ],
  },
  keolac: {
    kind: 'confection',
    names: [
      ['Kẹo lạc {p}', '{p} peanut brittle'],
      ['Kẹo sìu châu {p}', '{p} sìu châu candy'],
    ],
  },
  banhtrang: {
    kind: 'grain',
    names: [
      ['Bánh tráng {p}', '{p} rice paper'],
      ['Bánh tráng mè {p}', '{p} sesame rice crackers'],
    ],
  },
  mien: {
    kind: 'grain',
    names: [
      ['Miến dong {p}', '{p} arrowroot glass noodles'],
      ['Miến dong sạch {p}', '{p} clean arrowroot glass noodles'],
    ],
  },
  gao: {
    kind: 'grain',
    names: [
      ['Gạo thơm {p}', '{p} fragrant rice'],
      ['Gạo ST25 {p}', '{p} ST25 rice'],
      ['Gạo nếp cái hoa vàng {p}', '{p} yellow-flower sticky rice'],
    ],
  },
  ruou: {
    kind: 'liquor',
    names: [
      ['Rượu {p}', '{p} rice wine'],
      ['Rượu nếp cái hoa vàng {p}', '{p} sticky rice wine'],
      ['Rượu men lá {p}', '{p} leaf-yeast rice wine'],
    ],
  },
  ruoucan: { kind: 'liquor', names: [['Rượu cần {p}', '{p} jar-brewed rice wine']] },
  que: {
    kind: 'spice',
    names: [
      ['Quế {p}', '{p} cinnamon'],
      ['Hoa hồi {p}', '{p} star anise'],
      ['Tinh bột quế {p}', '{p} cinnamon powder'],
    ],
  },
  tieu: {
    kind: 'spice',
    names: [
      ['Hạt tiêu đen {p}', '{p} black pepper'],
      ['Tiêu sọ {p}', '{p} white pepper'],
    ],
  },
  dieu: {
    kind: 'nuts',
    names: [
      ['Hạt điều rang muối {p}', '{p} salted roasted cashews'],
      ['Hạt điều vỏ lụa {p}', '{p} skin-on cashews'],
    ],
  },
  kho: {
    kind: 'dried',
    names: [
      ['Mực khô {p}', '{p} dried squid'],
      ['Cá cơm khô {p}', '{p} dried anchovies'],
      ['Tôm khô {p}', '{p} dried shrimp'],
      ['Chả mực {p}', '{p} squid cake'],
    ],
  },
  bokho: {
    kind: 'dried',
    names: [
      ['Thịt trâu gác bếp {p}', '{p} smoked buffalo meat'],
      ['Lạp xưởng {p}', '{p} Chinese-style sausage'],
    ],
  },
  vai: {
    kind: 'fruit',
    names: [
      ['Vải thiều sấy khô {p}', '{p} dried lychee'],
      ['Nhãn sấy {p}', '{p} dried longan'],
    ],
  },
  muttraicay: {
    kind: 'fruit',
    names: [
      ['Xoài sấy dẻo {p}', '{p} soft dried mango'],
      ['Mít sấy {p}', '{p} dried jackfruit'],
      ['Chuối sấy {p}', '{p} dried banana'],
      ['Mứt gừng {p}', '{p} candied ginger'],
      ['Thanh long sấy dẻo {p}', '{p} soft dried dragon fruit'],
    ],
  },
  hatde: {
    kind: 'nuts',
    names: [
      ['Hạt dẻ {p}', '{p} chestnuts'],
      ['Hạt dẻ rang {p}', '{p} roasted chestnuts'],
    ],
  },
  my: {
    kind: 'grain',
    names: [
      ['Mỳ {p}', '{p} rice noodles'],
      ['Bánh đa nem {p}', '{p} spring roll wrappers'],
    ],
  },
  banhcay: {
    kind: 'confection',
    names: [
      ['Bánh cáy {p}', '{p} bánh cáy rice sweet'],
      ['Bánh cáy lá dứa {p}', '{p} pandan bánh cáy'],
    ],
  },
  hong: {
    kind: 'fruit',
    names: [
      ['Hồng treo gió {p}', '{p} wind-dried persimmon'],
      ['Mận sấy {p}', '{p} dried plums'],
    ],
  },
  dauphong: {
    kind: 'oil',
    names: [
      ['Dầu lạc {p}', '{p} peanut oil'],
      ['Dầu mè {p}', '{p} sesame oil'],
    ],
  },
  dauduacoc: { kind: 'oil', names: [['Dầu dừa nguyên chất {p}', '{p} virgin coconut oil']] },
  sam: {
    kind: 'herbal',
    names: [
      ['Sâm Ngọc Linh {p}', '{p} Ngọc Linh ginseng'],
      ['Cao sâm {p}', '{p} ginseng extract'],
    ],
  },
  linhchi: {
    kind: 'herbal',
    names: [
      ['Nấm linh chi {p}', '{p} lingzhi mushroom'],
      ['Trà atiso {p}', '{p} artichoke tea'],
    ],
  },

  // — food: generic —
  matong: {
    kind: 'honey',
    generic: 3,
    names: [
      ['Mật ong hoa nhãn {p}', '{p} longan blossom honey'],
      ['Mật ong rừng {p}', '{p} wild forest honey'],
      ['Mật ong hoa cà phê {p}', '{p} coffee blossom honey'],
      ['Mật ong bạc hà {p}', '{p} mint blossom honey'],
      ['Mật ong hoa vải {p}', '{p} lychee blossom honey'],
    ],
  },
  gaogeneric: {
    kind: 'grain',
    generic: 3,
    names: [
      ['Gạo sạch {p}', '{p} clean rice'],
      ['Bún khô {p}', '{p} dried rice vermicelli'],
      ['Bánh đa {p}', '{p} rice crackers'],
      ['Gạo lứt {p}', '{p} brown rice'],
      ['Bột sắn dây {p}', '{p} kudzu starch'],
    ],
  },
  nghe: {
    kind: 'herbal',
    generic: 2,
    names: [
      ['Tinh bột nghệ {p}', '{p} turmeric starch'],
      ['Trà thảo dược {p}', '{p} herbal tea'],
      ['Trà túi lọc thảo mộc {p}', '{p} herbal tea bags'],
      ['Cao dược liệu {p}', '{p} herbal extract'],
    ],
  },
  toiden: {
    kind: 'spice',
    generic: 1.5,
    names: [
      ['Tỏi đen {p}', '{p} black garlic'],
      ['Muối tôm {p}', '{p} shrimp salt'],
      ['Ớt bột {p}', '{p} chilli powder'],
    ],
  },
  lac: {
    kind: 'nuts',
    generic: 1.5,
    names: [
      ['Lạc rang húng lìu {p}', '{p} five-spice roasted peanuts'],
      ['Hạt sen sấy {p}', '{p} dried lotus seeds'],
    ],
  },
  saytrai: {
    kind: 'fruit',
    generic: 2,
    names: [
      ['Trái cây sấy dẻo {p}', '{p} soft dried fruit'],
      ['Mứt {p}', '{p} candied fruit'],
      ['Nước cốt chanh leo {p}', '{p} passion fruit concentrate'],
    ],
  },
  ruougeneric: {
    kind: 'liquor',
    generic: 1.5,
    names: [
      ['Rượu ngô {p}', '{p} corn liquor'],
      ['Rượu nếp {p}', '{p} sticky rice liquor'],
    ],
  },

  // — handicrafts: local —
  gom: {
    kind: 'ceramic',
    names: [
      ['Gốm {p}', '{p} ceramics'],
      ['Bình hoa gốm men lam {p}', '{p} blue-glaze ceramic vase'],
      ['Bộ ấm chén gốm {p}', '{p} ceramic tea set'],
      ['Lọ lục bình gốm {p}', '{p} ceramic floor vase'],
      ['Gốm men rạn {p}', '{p} crackle-glaze ceramics'],
    ],
  },
  lua: {
    kind: 'textile',
    names: [
      ['Lụa tơ tằm {p}', '{p} mulberry silk'],
      ['Khăn lụa {p}', '{p} silk scarf'],
      ['Lụa tơ tằm dệt hoa {p}', '{p} figured silk'],
    ],
  },
  thocam: {
    kind: 'textile',
    names: [
      ['Thổ cẩm {p}', '{p} brocade'],
      ['Túi thổ cẩm {p}', '{p} brocade bag'],
      ['Khăn thổ cẩm {p}', '{p} brocade scarf'],
    ],
  },
  theu: {
    kind: 'embroidery',
    names: [
      ['Tranh thêu tay {p}', '{p} hand embroidery'],
      ['Khăn trải bàn thêu {p}', '{p} embroidered tablecloth'],
      ['Tranh thêu chữ thập {p}', '{p} cross-stitch picture'],
    ],
  },
  non: {
    kind: 'hat',
    names: [
      ['Nón lá {p}', '{p} conical hat'],
      ['Nón bài thơ {p}', '{p} poem conical hat'],
    ],
  },
  may: {
    kind: 'weave',
    names: [
      ['Mây tre đan {p}', '{p} bamboo and rattan ware'],
      ['Giỏ mây {p}', '{p} rattan basket'],
      ['Lẵng mây {p}', '{p} rattan hamper'],
      ['Khay tre đan {p}', '{p} woven bamboo tray'],
    ],
  },
  lucbinh: {
    kind: 'weave',
    names: [
      ['Sản phẩm đan lục bình {p}', '{p} water hyacinth weaving'],
      ['Giỏ lục bình {p}', '{p} water hyacinth basket'],
    ],
  },
  coi: {
    kind: 'sedge',
    names: [
      ['Chiếu cói {p}', '{p} sedge mat'],
      ['Thảm cói {p}', '{p} sedge rug'],
      ['Giỏ cói {p}', '{p} sedge basket'],
    ],
  },
  go: {
    kind: 'wood',
    names: [
      ['Đồ gỗ mỹ nghệ {p}', '{p} fine woodwork'],
      ['Tượng gỗ {p}', '{p} wooden statue'],
      ['Sập gụ tủ chè {p}', '{p} carved wooden furniture'],
      ['Hộp gỗ khảm trai {p}', '{p} mother-of-pearl inlaid box'],
    ],
  },
  sonmai: {
    kind: 'lacquer',
    names: [
      ['Sơn mài {p}', '{p} lacquerware'],
      ['Tranh sơn mài {p}', '{p} lacquer painting'],
      ['Khay sơn mài {p}', '{p} lacquer tray'],
    ],
  },
  da: {
    kind: 'stone',
    names: [
      ['Đá mỹ nghệ {p}', '{p} stone carving'],
      ['Tượng đá {p}', '{p} stone statue'],
    ],
  },
  dong: {
    kind: 'metalcraft',
    names: [
      ['Đồ đồng {p}', '{p} bronzeware'],
      ['Lư đồng {p}', '{p} bronze incense burner'],
      ['Đồ bạc {p}', '{p} silverware'],
    ],
  },
  denlong: {
    kind: 'decor',
    names: [
      ['Đèn lồng {p}', '{p} silk lantern'],
      ['Đèn lồng tre {p}', '{p} bamboo lantern'],
    ],
  },
  giaydo: {
    kind: 'decor',
    names: [
      ['Giấy dó {p}', '{p} dó paper'],
      ['Tranh dân gian {p}', '{p} folk woodblock print'],
    ],
  },
  sung: {
    kind: 'decor',
    names: [
      ['Đồ mỹ nghệ sừng {p}', '{p} horn craft'],
      ['Lược sừng {p}', '{p} horn comb'],
    ],
  },

  // — handicrafts: generic —
  maygeneric: {
    kind: 'weave',
    generic: 3,
    names: [
      ['Mây tre đan {p}', '{p} bamboo and rattan ware'],
      ['Giỏ tre {p}', '{p} bamboo basket'],
      ['Đèn tre {p}', '{p} bamboo lamp'],
    ],
  },
  theugeneric: {
    kind: 'embroidery',
    generic: 1,
    names: [
      ['Tranh thêu {p}', '{p} embroidery'],
      ['Khăn thêu tay {p}', '{p} hand-embroidered towel'],
    ],
  },
  gogeneric: {
    kind: 'wood',
    generic: 1.5,
    names: [
      ['Đồ gỗ mỹ nghệ {p}', '{p} fine woodwork'],
      ['Đồ gỗ gia dụng {p}', '{p} wooden homeware'],
    ],
  },
  thucong: {
    kind: 'decor',
    generic: 1.5,
    names: [
      ['Tranh gạo {p}', '{p} rice-grain picture'],
      ['Đồ chơi dân gian {p}', '{p} folk toys'],
      ['Hoa giấy trang trí {p}', '{p} paper flowers'],
    ],
  },
  thocamgeneric: {
    kind: 'textile',
    generic: 1,
    regions: ['north', 'central'],
    names: [
      ['Thổ cẩm {p}', '{p} brocade'],
      ['Túi dệt thổ cẩm {p}', '{p} woven brocade bag'],
    ],
  },
  lucbinhgeneric: {
    kind: 'weave',
    generic: 1.5,
    regions: ['south'],
    names: [
      ['Sản phẩm đan lục bình {p}', '{p} water hyacinth weaving'],
      ['Túi cói {p}', '{p} sedge bag'],
    ],
  },

  // — machinery —
  maynongnghiep: {
    kind: 'machine',
    generic: 4,
    names: [
      ['Máy tuốt lúa {m}', '{m} rice thresher'],
      ['Máy sấy nông sản {m}', '{m} crop dryer'],
      ['Máy băm cỏ đa năng {m}', '{m} multi-purpose chaff cutter'],
      ['Máy xay xát gạo {m}', '{m} rice mill'],
      ['Máy bóc vỏ lạc {m}', '{m} peanut sheller'],
      ['Máy ép dầu lạc {m}', '{m} peanut oil press'],
      ['Máy gieo hạt {m}', '{m} seed drill'],
      ['Máy thái chuối {m}', '{m} banana trunk slicer'],
      ['Máy vò chè {m}', '{m} tea rolling machine'],
      ['Máy sao chè {m}', '{m} tea roasting machine'],
      ['Máy rang cà phê {m}', '{m} coffee roaster'],
      ['Máy làm bún {m}', '{m} rice noodle machine'],
      ['Lò sấy {m}', '{m} drying kiln'],
    ],
  },
  nongcu: {
    kind: 'tool',
    generic: 2,
    names: [
      ['Nông cụ rèn {p}', '{p} forged farm tools'],
      ['Dao rèn {p}', '{p} forged knives'],
      ['Cuốc, xẻng rèn {p}', '{p} forged hoes and spades'],
      ['Kéo cắt cành {p}', '{p} pruning shears'],
    ],
  },
  phutung: {
    kind: 'parts',
    generic: 1.5,
    names: [
      ['Phụ tùng máy nông nghiệp {m}', '{m} farm machinery parts'],
      ['Lưỡi cày {m}', '{m} ploughshare'],
      ['Bộ bánh răng truyền động {m}', '{m} gear drive set'],
      ['Bơm nước {m}', '{m} water pump'],
    ],
  },
  daophucsen: {
    kind: 'tool',
    names: [
      ['Dao {p}', '{p} knives'],
      ['Nông cụ rèn {p}', '{p} forged farm tools'],
    ],
  },

  // — other products —
  huong: {
    kind: 'incense',
    generic: 2,
    names: [
      ['Hương trầm {p}', '{p} agarwood incense'],
      ['Nhang sạch {p}', '{p} natural incense sticks'],
      ['Hương quế {p}', '{p} cinnamon incense'],
    ],
  },
  tinhdau: {
    kind: 'essentialoil',
    generic: 2,
    names: [
      ['Tinh dầu sả chanh {p}', '{p} lemongrass oil'],
      ['Tinh dầu tràm {p}', '{p} cajeput oil'],
      ['Tinh dầu quế {p}', '{p} cinnamon oil'],
      ['Tinh dầu bưởi {p}', '{p} pomelo oil'],
    ],
  },
  xaphong: {
    kind: 'soap',
    generic: 1.5,
    names: [
      ['Xà phòng thảo mộc {p}', '{p} herbal soap'],
      ['Dầu gội thảo dược {p}', '{p} herbal shampoo'],
      ['Nước rửa chén sinh học {p}', '{p} bio dish soap'],
    ],
  },
  phanbon: {
    kind: 'fertiliser',
    generic: 1.5,
    names: [
      ['Phân bón hữu cơ vi sinh {p}', '{p} organic bio-fertiliser'],
      ['Chế phẩm sinh học {p}', '{p} biological preparation'],
    ],
  },
  choi: {
    kind: 'broom',
    generic: 1,
    names: [
      ['Chổi đót {p}', '{p} grass broom'],
      ['Chổi chít {p}', '{p} reed broom'],
    ],
  },
};

/** Qualifiers that make a second product of the same kind read naturally. */
export const QUALIFIERS: Record<string, [string, string][]> = {
  food: [
    ['đặc biệt', 'special'],
    ['thượng hạng', 'premium'],
    ['hữu cơ', 'organic'],
    ['loại 1', 'grade 1'],
    ['truyền thống', 'traditional'],
    ['hộp quà', 'gift box'],
  ],
  handicraft: [
    ['cao cấp', 'fine'],
    ['truyền thống', 'traditional'],
    ['xuất khẩu', 'export line'],
    ['dáng cổ', 'classic shape'],
    ['họa tiết dân gian', 'folk pattern'],
  ],
  machinery: [
    ['đa năng', 'multi-purpose'],
    ['cải tiến', 'improved'],
    ['công suất lớn', 'heavy-duty'],
  ],
  other: [
    ['nguyên chất', 'pure'],
    ['cao cấp', 'premium'],
    ['thiên nhiên', 'natural'],
  ],
};
