/**
 * /admin/payments/'s handler as the console posts to it (PGlite): the queue, "mark paid" with
 * its checks worded for the person, a statement uploaded (size limit, bad files), its proposed
 * match confirmed through the same action with the line's amount and description, and the
 * statement still shown afterwards with that match now paid.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/astro';
import { paymentsPageState } from '~/backoffice/payments-page';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { STATEMENT_MAX_BYTES } from '~/commerce/payments/statement-file';
import type { Locale } from '~/i18n/locales';
import { orderRequest } from '~tests/commerce/fixtures';
import { useCommerceDatabase } from '~tests/commerce/test-database';
import { useTestEnv } from '~tests/commerce/test-env';
import { testEngines } from '~tests/notifications/test-databases';

useTestEnv();

const operator: Principal & { kind: 'account' } = {
  kind: 'account',
  userId: 'user-op-1',
  email: 'op@cho-cnnt.test',
  role: 'operator',
  twoFactorEnabled: true,
  facilityIds: [],
};

const PAGE = 'http://localhost:4321/admin/payments/';

const post = (fields: Record<string, string>, url = PAGE) =>
  new Request(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

function upload(name: string, content: BlobPart): Request {
  const form = new FormData();
  form.set('action', 'upload');
  form.set('statement', new File([content], name));
  return new Request(PAGE, { method: 'POST', body: form });
}

const pglite = testEngines().find((e) => e.name === 'pglite')!;

describe('payments page (pglite)', () => {
  const shop = useCommerceDatabase(pglite);
  const state = (request: Request, locale: Locale = 'vi') =>
    paymentsPageState(shop.db, request, locale, operator);

  async function bankOrder() {
    const items = [{ sku: 'NM-1000', quantity: 1 }];
    const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'bank_transfer', items }));
    if (!outcome.ok) throw new Error('order failed');
    return (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
  }

  it('lists the queue, refuses bad input with the reason, marks paid once', async () => {
    const order = await bankOrder();
    const listed = await state(new Request(PAGE));
    expect(listed.queue.map((q) => q.orderNumber)).toEqual([order.orderNumber]);

    const mark = (fields: Record<string, string>) =>
      state(post({ action: 'mark_paid', orderNumber: order.orderNumber, ...fields }));
    const noAmount = await mark({ amount: 'một triệu', reference: 'FT1' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.error).toContain('số nguyên dương');
    expect(noAmount.failed).toMatchObject({ amount: 'một triệu', reference: 'FT1' });
    expect((await mark({ amount: '230.000', reference: ' ' })).error).toContain('mã tham chiếu');
    const noReason = await mark({ amount: '200.000', reference: 'FT1', override: '1' });
    expect(noReason.error).toContain('ghi lý do');

    const wrong = await mark({ amount: '200.000', reference: 'FT1' });
    expect(wrong.status).toBe(422);
    expect(wrong.error).toContain('khác số tiền của đơn');
    expect(wrong.queue).toHaveLength(1);

    const done = await mark({ amount: order.total.toLocaleString('vi-VN'), reference: 'FT25102345678' });
    expect(done.status).toBe(200);
    expect(done.notice).toContain(`Đã ghi nhận thanh toán cho đơn ${order.orderNumber}`);
    expect(done.queue).toEqual([]);
    const again = await mark({ amount: String(order.total), reference: 'FT25102345678' });
    expect(again.notice).toContain('Không có gì thay đổi');
  });

  it('reads an uploaded statement, proposes its match, and confirms it with the line as reference', async () => {
    const order = await bankOrder();
    const csv = [
      'NGÂN HÀNG TMCP QUÂN ĐỘI',
      'STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Số dư,Nội dung chi tiết',
      `1,14/04/2025,FT25104123456789,,"${order.total.toLocaleString('en-US')}","5,980,000",${order.orderNumber.replaceAll('-', '').toLowerCase()} chuyen khoan`,
      '2,14/04/2025,FT25104123456790,,"99,000","6,079,000",Chuyen tien',
      '3,31/02/2025,FT25104123456791,,"10,000","6,089,000",CNNT',
    ].join('\n');
    const uploaded = await state(upload('mb.csv', csv));
    expect(uploaded.status).toBe(303);
    const statementUrl = new URL(uploaded.redirect!, PAGE);
    expect(statementUrl.pathname).toBe('/admin/payments/');

    const shown = await state(new Request(statementUrl));
    expect(shown.statement?.matches.map((m) => [m.line.row, m.status])).toEqual([
      [3, 'proposed'],
      [4, 'no_order_number'],
    ]);
    expect(shown.statement?.statement.problems).toEqual([{ row: 5, code: 'bad_date', value: '31/02/2025' }]);
    // Uploading marked nothing paid.
    expect(shown.queue.map((q) => q.orderNumber)).toEqual([order.orderNumber]);

    const line = shown.statement!.matches[0]!.line;
    const confirmed = await state(
      post({
        action: 'mark_paid',
        orderNumber: order.orderNumber,
        amount: String(line.amount),
        reference: `${line.bankReference} ${line.description}`,
        statement: String(shown.statement!.id),
      }),
    );
    expect(confirmed.notice).toContain(order.orderNumber);
    expect(confirmed.statement?.matches.map((m) => m.status)).toEqual(['already_paid', 'no_order_number']);
    const paid = (await loadOrder(shop.db, { orderNumber: order.orderNumber }))!;
    expect(paid.payment.reference).toContain('FT25104123456789');
  });

  it('refuses files too large or unreadable, in the person’s language', async () => {
    const big = await state(upload('big.csv', new Uint8Array(STATEMENT_MAX_BYTES + 1)));
    expect(big.status).toBe(413);
    expect(big.error).toContain('tối đa 5 MB');
    const huge = await state(upload('huge.csv', new Uint8Array(STATEMENT_MAX_BYTES + 200_000)), 'en');
    expect(huge.status).toBe(413);
    expect(huge.error).toContain('5 MB at most');
    const xls = await state(upload('SaoKe.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])));
    expect(xls.error).toContain('.xlsx');
    const list = await state(upload('list.csv', 'Họ tên,Điện thoại\nLan,0912345678\n'), 'en');
    expect(list.status).toBe(400);
    expect(list.error).toContain('No header row found');
    const none = await state(upload('', ''));
    expect(none.error).toBe('Hãy chọn tệp sao kê để tải lên.');
    const gone = await state(new Request(`${PAGE}?statement=999999`));
    expect(gone.status).toBe(404);
    expect(gone.error).toContain('90 ngày');
  });
});
