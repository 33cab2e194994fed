/**
 * Bank statements as Vietnamese banks export them, for the statement tests: the title lines
 * above the header, bilingual headers, thousands written with "." or ",", day-first dates,
 * totals and signatures below. Order numbers written as buyers' banking apps send them.
 */
import ExcelJS from 'exceljs';

/** Vietcombank (VCB Digibank): comma CSV, bilingual headers, "1,250,000", reference numbers. */
export const VIETCOMBANK_CSV = `NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM
SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT
Số tài khoản/Account number:,0011004299999
Tên tài khoản/Account name:,CHO CNNT
"Từ ngày/From: 01/04/2025","Đến ngày/To: 15/04/2025"

STT/No.,Ngày giao dịch/Transaction Date,Số tham chiếu/Reference No.,Số tiền ghi nợ/Debit,Số tiền ghi có/Credit,Số dư/Balance,Mô tả/Description
1,12/04/2025,5213 - 40872,,"1,250,000","15,250,000",MBVCB.9283746.CNNT-250412-7KQ4X.CT tu 0123456789 NGUYEN THI LAN toi 0011004299999 CHO CNNT
2,13/04/2025,5213 - 40901,"50,000",,"15,200,000",Phi dich vu SMS Banking
3,14/04/2025,5213 - 41002,,"310,000","15,510,000",IBFT CNNT250413HJ3WP Tran Van Minh chuyen tien
Tổng số/Total,,,"50,000","1,560,000",,
`;

/** BIDV: semicolon CSV, "1.250.000", date and time, "Mô tả giao dịch". */
export const BIDV_CSV = `NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM;;;;;
SAO KÊ TÀI KHOẢN;;;;;
STT;Ngày giao dịch;Số tiền ghi nợ;Số tiền ghi có;Số dư;Mô tả giao dịch
1;12/04/2025 08:15:23;;1.250.000;21.250.000;REM Tfr Ac: 12345678 cnnt 250412 9xyza Nguyen Van Binh
2;12/04/2025 09:02:11;200.000;;21.050.000;Thanh toan hoa don dien
Số dư cuối kỳ;;;;21.050.000;
`;

/** MB: "Nội dung chi tiết", reference column, order number in lower case with dashes. */
export const MB_CSV = `\uFEFFSTT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Số dư,Nội dung chi tiết
1,14/04/2025,FT25104123456789,0,"980,000","5,980,000",cnnt-250414-abcde chuyen khoan
2,14/04/2025,FT25104123456790,"15,000",0,"5,965,000",Phi quan ly tai khoan
`;

/** ACB: "Ngày hiệu lực" and "Ngày GD", "Ghi nợ"/"Ghi có", plain digits; one broken date, one broken amount. */
export const ACB_CSV = `Ngày hiệu lực,Ngày GD,Số GD,Nội dung giao dịch,Ghi nợ,Ghi có,Số dư
15/04/2025,15/04/2025,1122,CNNT250415MNPQR thanh toan don hang,,450000,3450000
15/04/2025,31/02/2025,1123,CNNT250415STWXY,,120000,3570000
16/04/2025,16/04/2025,1124,CNNT250416ABCDE,,1.250.0OO,4820000
Cộng phát sinh,,,,,570000,
`;

/** A generic export: one signed amount column, "Ngày", "Số tiền", "Nội dung". */
export const GENERIC_CSV = `Ngày,Số tiền,Nội dung
17/04/2025,+1.250.000,CNNT 250417 2A3B4
17/04/2025,-200.000,Rut tien ATM
`;

/** Techcombank: XLSX with a blank first row, dates as date cells, amounts as numbers, bare "Có". */
export async function techcombankXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sao ke');
  sheet.getRow(2).values = ['NGÂN HÀNG TMCP KỸ THƯƠNG VIỆT NAM (TECHCOMBANK)'];
  sheet.getRow(3).values = ['SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT'];
  sheet.getRow(5).values = [
    'Ngày giao dịch/ Transaction Date',
    'Đối tác/ Remitter',
    'NH Đối tác/ Remitter Bank',
    'Diễn giải/ Details',
    'Nợ/ Debit',
    'Có/ Credit',
    'Số dư/ Balance',
  ];
  sheet.getRow(6).values = [
    new Date(Date.UTC(2025, 3, 12)),
    'NGUYEN THI LAN',
    'VCB',
    'CNNT 250412 8MN3P chuyen tien mua hang',
    null,
    1250000,
    9250000,
  ];
  sheet.getRow(7).values = [
    new Date(Date.UTC(2025, 3, 13)),
    'EVN HCMC',
    'TCB',
    'Thanh toan tien dien',
    350000,
    null,
    8900000,
  ];
  sheet.getRow(9).values = ['Người lập biểu', null, null, 'Kiểm soát'];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
