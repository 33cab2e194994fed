/**
 * Kinds of product in the sample, with how they are sold: pack sizes, retail prices (VND, in
 * thousands here), shipping weights, and whether they are made to order.
 */
import type { ProductGroup } from '~/catalogue/programme';

export interface PackTemplate {
  vi: string;
  en: string;
  /** Retail price range in thousands of đồng. */
  price: [number, number];
  /** Shipping weight range in grams. */
  weight: [number, number];
}

export interface Kind {
  group: ProductGroup;
  /** Word used in facility names ("Gốm sứ", "Nước mắm"). */
  trade: string;
  packs: PackTemplate[];
  /** Share of variants made to order, and their lead time in days. */
  madeToOrder: number;
  leadTime: [number, number];
  /** Typical wholesale quantities (first tier). */
  wholesaleFrom: [number, number];
}

const p = (vi: string, en: string, price: [number, number], weight: [number, number]): PackTemplate => ({
  vi,
  en,
  price,
  weight,
});

export const KINDS = {
  fishsauce: {
    group: 'food',
    trade: 'Nước mắm',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [24, 60],
    packs: [
      p('Chai 500 ml', '500 ml bottle', [55, 160], [850, 950]),
      p('Chai 1 lít', '1 litre bottle', [95, 280], [1500, 1700]),
      p('Thùng 6 chai 500 ml', 'Case of 6 × 500 ml', [320, 900], [5300, 5800]),
      p('Can 5 lít', '5 litre can', [380, 1100], [5600, 6000]),
    ],
  },
  sauce: {
    group: 'food',
    trade: 'Chế biến thực phẩm',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [24, 100],
    packs: [
      p('Hũ 200 g', '200 g jar', [25, 70], [300, 380]),
      p('Hũ 500 g', '500 g jar', [50, 140], [650, 760]),
      p('Thùng 12 hũ 200 g', 'Case of 12 × 200 g', [280, 780], [4000, 4600]),
    ],
  },
  tea: {
    group: 'food',
    trade: 'Chè',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [10, 40],
    packs: [
      p('Gói 100 g', '100 g pack', [40, 180], [130, 160]),
      p('Hộp 200 g', '200 g box', [90, 420], [300, 360]),
      p('Túi 500 g', '500 g bag', [180, 950], [560, 620]),
      p('Hộp quà 2 × 100 g', 'Gift box 2 × 100 g', [150, 600], [420, 520]),
    ],
  },
  coffee: {
    group: 'food',
    trade: 'Cà phê',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [10, 50],
    packs: [
      p('Gói 250 g', '250 g pack', [55, 150], [280, 300]),
      p('Gói 500 g', '500 g pack', [100, 280], [540, 580]),
      p('Túi 1 kg', '1 kg bag', [190, 520], [1050, 1120]),
    ],
  },
  honey: {
    group: 'food',
    trade: 'Mật ong',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [12, 48],
    packs: [
      p('Chai 500 ml', '500 ml bottle', [120, 320], [850, 950]),
      p('Chai 1 lít', '1 litre bottle', [220, 600], [1650, 1800]),
      p('Hũ 250 ml', '250 ml jar', [70, 180], [420, 480]),
    ],
  },
  confection: {
    group: 'food',
    trade: 'Bánh kẹo',
    madeToOrder: 0,
    leadTime: [2, 5],
    wholesaleFrom: [20, 100],
    packs: [
      p('Hộp 400 g', '400 g box', [45, 150], [460, 520]),
      p('Túi 500 g', '500 g bag', [50, 160], [540, 580]),
      p('Thùng 10 hộp 400 g', 'Case of 10 × 400 g', [420, 1400], [4800, 5400]),
    ],
  },
  grain: {
    group: 'food',
    trade: 'Nông sản',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [20, 100],
    packs: [
      p('Túi 500 g', '500 g bag', [25, 80], [520, 560]),
      p('Túi 1 kg', '1 kg bag', [40, 140], [1030, 1080]),
      p('Bao 5 kg', '5 kg sack', [160, 600], [5050, 5200]),
    ],
  },
  liquor: {
    group: 'food',
    trade: 'Rượu',
    madeToOrder: 0,
    leadTime: [3, 10],
    wholesaleFrom: [12, 48],
    packs: [
      p('Chai 500 ml', '500 ml bottle', [80, 350], [900, 1000]),
      p('Chai 750 ml', '750 ml bottle', [120, 520], [1250, 1400]),
      p('Bình gốm 2 lít', '2 litre ceramic jar', [350, 1500], [3200, 3800]),
    ],
  },
  dried: {
    group: 'food',
    trade: 'Hải sản khô',
    madeToOrder: 0,
    leadTime: [2, 5],
    wholesaleFrom: [10, 30],
    packs: [
      p('Gói 200 g', '200 g pack', [90, 350], [230, 260]),
      p('Gói 500 g', '500 g pack', [210, 850], [540, 580]),
      p('Túi 1 kg', '1 kg bag', [400, 1600], [1050, 1100]),
    ],
  },
  nuts: {
    group: 'food',
    trade: 'Nông sản',
    madeToOrder: 0,
    leadTime: [2, 5],
    wholesaleFrom: [20, 60],
    packs: [
      p('Hũ 250 g', '250 g jar', [60, 160], [330, 380]),
      p('Túi 500 g', '500 g bag', [110, 300], [530, 560]),
      p('Túi 1 kg', '1 kg bag', [210, 560], [1040, 1080]),
    ],
  },
  spice: {
    group: 'food',
    trade: 'Gia vị',
    madeToOrder: 0,
    leadTime: [2, 5],
    wholesaleFrom: [20, 100],
    packs: [
      p('Lọ 100 g', '100 g jar', [25, 90], [180, 220]),
      p('Túi 250 g', '250 g bag', [50, 180], [270, 300]),
      p('Túi 1 kg', '1 kg bag', [160, 600], [1030, 1080]),
    ],
  },
  fruit: {
    group: 'food',
    trade: 'Nông sản sấy',
    madeToOrder: 0,
    leadTime: [2, 5],
    wholesaleFrom: [20, 80],
    packs: [
      p('Túi 200 g', '200 g bag', [35, 110], [220, 250]),
      p('Hộp 500 g', '500 g box', [80, 250], [560, 620]),
      p('Thùng 20 túi 200 g', 'Case of 20 × 200 g', [600, 2000], [4600, 5200]),
    ],
  },
  oil: {
    group: 'food',
    trade: 'Dầu ăn',
    madeToOrder: 0,
    leadTime: [2, 5],
    wholesaleFrom: [12, 48],
    packs: [
      p('Chai 500 ml', '500 ml bottle', [60, 160], [520, 600]),
      p('Chai 1 lít', '1 litre bottle', [110, 290], [980, 1080]),
      p('Can 5 lít', '5 litre can', [500, 1300], [4700, 5000]),
    ],
  },
  herbal: {
    group: 'food',
    trade: 'Dược liệu',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [10, 50],
    packs: [
      p('Hộp 20 gói', 'Box of 20 sachets', [60, 220], [120, 180]),
      p('Hũ 100 g', '100 g jar', [120, 650], [200, 260]),
      p('Túi 500 g', '500 g bag', [150, 900], [540, 600]),
    ],
  },
  ceramic: {
    group: 'handicraft',
    trade: 'Gốm sứ',
    madeToOrder: 0.3,
    leadTime: [10, 30],
    wholesaleFrom: [10, 50],
    packs: [
      p('Chiếc cỡ nhỏ', 'Small piece', [120, 650], [600, 1400]),
      p('Chiếc cỡ lớn', 'Large piece', [450, 3500], [2200, 6500]),
      p('Bộ 6 chén kèm ấm', 'Teapot with 6 cups', [280, 2200], [1300, 2300]),
    ],
  },
  weave: {
    group: 'handicraft',
    trade: 'Mây tre đan',
    madeToOrder: 0.25,
    leadTime: [7, 25],
    wholesaleFrom: [20, 100],
    packs: [
      p('Chiếc cỡ nhỏ', 'Small piece', [60, 250], [250, 600]),
      p('Chiếc cỡ vừa', 'Medium piece', [120, 450], [500, 1200]),
      p('Bộ 3 chiếc', 'Set of 3', [250, 950], [1200, 2600]),
    ],
  },
  textile: {
    group: 'handicraft',
    trade: 'Dệt',
    madeToOrder: 0.25,
    leadTime: [7, 30],
    wholesaleFrom: [10, 50],
    packs: [
      p('Khăn choàng 50 × 180 cm', 'Scarf 50 × 180 cm', [250, 1200], [120, 220]),
      p('Vải khổ 90 cm, 1 mét', 'Fabric, 90 cm wide, per metre', [180, 900], [120, 200]),
      p('Túi xách', 'Handbag', [220, 950], [250, 450]),
    ],
  },
  embroidery: {
    group: 'handicraft',
    trade: 'Thêu ren',
    madeToOrder: 0.5,
    leadTime: [14, 60],
    wholesaleFrom: [5, 20],
    packs: [
      p('Khổ 30 × 40 cm', '30 × 40 cm', [450, 2500], [400, 700]),
      p('Khổ 60 × 90 cm', '60 × 90 cm', [1500, 9500], [1200, 2200]),
      p('Bộ khăn trải bàn', 'Tablecloth set', [350, 1800], [500, 900]),
    ],
  },
  hat: {
    group: 'handicraft',
    trade: 'Nón lá',
    madeToOrder: 0.1,
    leadTime: [5, 15],
    wholesaleFrom: [20, 100],
    packs: [
      p('Chiếc', 'One hat', [40, 250], [180, 280]),
      p('Chiếc kèm quai lụa', 'With silk strap', [80, 350], [200, 300]),
      p('Bộ 10 chiếc', 'Pack of 10', [380, 2200], [1900, 2800]),
    ],
  },
  wood: {
    group: 'handicraft',
    trade: 'Đồ gỗ mỹ nghệ',
    madeToOrder: 0.7,
    leadTime: [15, 60],
    wholesaleFrom: [2, 10],
    packs: [
      p('Chiếc cỡ nhỏ', 'Small piece', [250, 1800], [800, 3000]),
      p('Chiếc cỡ lớn', 'Large piece', [1500, 18000], [4000, 25000]),
      p('Bộ bàn ghế', 'Table and chairs set', [8000, 45000], [40000, 120000]),
    ],
  },
  sedge: {
    group: 'handicraft',
    trade: 'Cói',
    madeToOrder: 0.2,
    leadTime: [7, 20],
    wholesaleFrom: [20, 100],
    packs: [
      p('Chiếu 1,6 × 2 m', 'Mat 1.6 × 2 m', [150, 550], [1800, 2600]),
      p('Chiếu 1,8 × 2 m', 'Mat 1.8 × 2 m', [180, 650], [2000, 2900]),
      p('Giỏ cói cỡ vừa', 'Medium sedge basket', [70, 260], [300, 600]),
    ],
  },
  lacquer: {
    group: 'handicraft',
    trade: 'Sơn mài',
    madeToOrder: 0.5,
    leadTime: [15, 45],
    wholesaleFrom: [5, 20],
    packs: [
      p('Khay 30 cm', '30 cm tray', [250, 900], [500, 900]),
      p('Tranh 40 × 60 cm', 'Panel 40 × 60 cm', [1500, 8500], [1800, 3000]),
      p('Bộ hộp 3 chiếc', 'Set of 3 boxes', [400, 1600], [700, 1300]),
    ],
  },
  stone: {
    group: 'handicraft',
    trade: 'Đá mỹ nghệ',
    madeToOrder: 0.7,
    leadTime: [15, 60],
    wholesaleFrom: [2, 10],
    packs: [
      p('Tượng cỡ nhỏ 20 cm', 'Small statue 20 cm', [300, 1800], [1500, 4000]),
      p('Tượng cỡ lớn 60 cm', 'Large statue 60 cm', [3500, 25000], [18000, 60000]),
    ],
  },
  metalcraft: {
    group: 'handicraft',
    trade: 'Đúc đồng',
    madeToOrder: 0.5,
    leadTime: [15, 45],
    wholesaleFrom: [2, 10],
    packs: [
      p('Chiếc cỡ nhỏ', 'Small piece', [350, 2500], [500, 2000]),
      p('Chiếc cỡ lớn', 'Large piece', [2500, 22000], [3000, 15000]),
    ],
  },
  decor: {
    group: 'handicraft',
    trade: 'Thủ công mỹ nghệ',
    madeToOrder: 0.3,
    leadTime: [7, 25],
    wholesaleFrom: [10, 50],
    packs: [
      p('Chiếc cỡ nhỏ', 'Small piece', [60, 280], [150, 500]),
      p('Chiếc cỡ lớn', 'Large piece', [180, 900], [500, 1500]),
      p('Bộ 5 chiếc', 'Set of 5', [280, 1300], [800, 2200]),
    ],
  },
  machine: {
    group: 'machinery',
    trade: 'Cơ khí',
    madeToOrder: 0.8,
    leadTime: [10, 45],
    wholesaleFrom: [2, 5],
    packs: [
      p('Máy tiêu chuẩn', 'Standard model', [6500, 65000], [60000, 450000]),
      p('Máy công suất lớn', 'Heavy-duty model', [18000, 160000], [150000, 900000]),
    ],
  },
  tool: {
    group: 'machinery',
    trade: 'Rèn',
    madeToOrder: 0.15,
    leadTime: [5, 15],
    wholesaleFrom: [20, 100],
    packs: [
      p('Chiếc', 'One piece', [80, 450], [300, 1200]),
      p('Bộ 3 chiếc', 'Set of 3', [220, 1200], [900, 3200]),
    ],
  },
  parts: {
    group: 'machinery',
    trade: 'Cơ khí',
    madeToOrder: 0.5,
    leadTime: [7, 30],
    wholesaleFrom: [10, 50],
    packs: [
      p('Bộ', 'One set', [450, 6500], [2000, 20000]),
      p('Chiếc', 'One piece', [150, 2500], [500, 8000]),
    ],
  },
  incense: {
    group: 'other',
    trade: 'Hương',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [20, 100],
    packs: [
      p('Hộp 100 nén', 'Box of 100 sticks', [35, 180], [250, 350]),
      p('Hộp 50 nụ', 'Box of 50 cones', [60, 280], [200, 300]),
      p('Bó 500 g', '500 g bundle', [70, 320], [520, 600]),
    ],
  },
  essentialoil: {
    group: 'other',
    trade: 'Tinh dầu',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [20, 100],
    packs: [
      p('Chai 10 ml', '10 ml bottle', [45, 150], [50, 80]),
      p('Chai 50 ml', '50 ml bottle', [150, 450], [120, 180]),
      p('Chai 100 ml', '100 ml bottle', [250, 800], [200, 260]),
    ],
  },
  soap: {
    group: 'other',
    trade: 'Thảo mộc',
    madeToOrder: 0,
    leadTime: [3, 7],
    wholesaleFrom: [20, 100],
    packs: [
      p('Bánh 100 g', '100 g bar', [35, 90], [110, 130]),
      p('Chai 300 ml', '300 ml bottle', [70, 220], [350, 400]),
      p('Hộp quà 3 bánh', 'Gift box of 3 bars', [110, 280], [380, 450]),
    ],
  },
  fertiliser: {
    group: 'other',
    trade: 'Phân bón',
    madeToOrder: 0,
    leadTime: [3, 10],
    wholesaleFrom: [20, 100],
    packs: [
      p('Bao 5 kg', '5 kg sack', [60, 180], [5050, 5200]),
      p('Bao 25 kg', '25 kg sack', [220, 650], [25100, 25400]),
      p('Chai 1 lít', '1 litre bottle', [80, 250], [1100, 1200]),
    ],
  },
  broom: {
    group: 'other',
    trade: 'Thủ công',
    madeToOrder: 0.1,
    leadTime: [5, 15],
    wholesaleFrom: [50, 200],
    packs: [
      p('Chiếc', 'One piece', [30, 120], [300, 600]),
      p('Bó 10 chiếc', 'Bundle of 10', [260, 1000], [3000, 6000]),
    ],
  },
} satisfies Record<string, Kind>;

export type KindKey = keyof typeof KINDS;
