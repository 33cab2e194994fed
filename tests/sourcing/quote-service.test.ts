/**
 * The quote flow on a real database (PGlite always; PostgreSQL when TEST_DATABASE_URL is set):
 * POST → one stored request per facility + outbox messages with signed links → a facility
 * answers through its link → the buyer sees it. Rejected requests store nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import type { DatabaseHandle } from '~/db/client';
import { listOutbox } from '~/notifications/outbox';
import { RateLimiter } from '~/security/rate-limit';
import { signToken } from '~/security/signed-links';
import { buildOffers, offersBySku } from '~/sourcing/offers';
import { handleCreateQuote, handleGetQuote, QUOTE_LIMITS, type QuoteApiDeps } from '~/sourcing/quote-api';
import { checkAnswerToken } from '~/sourcing/quote-links';
import { answerFacilityRequest, findQuoteForBuyer, loadFacilityRequest } from '~/sourcing/quote-service';
import { testEngines } from '../notifications/test-databases';
import { AS_OF, fixtureCatalogue } from './fixtures';

process.env.LINK_SIGNING_SECRET = 'test-link-signing-secret-of-at-least-32-chars';
resetEnvCache();

const SITE = 'https://cho-cnnt.example.vn';
const NOW = new Date(`${AS_OF}T03:00:00Z`);
const offers = offersBySku(buildOffers(fixtureCatalogue(), AS_OF));

const validBody = () => ({
  items: [
    { sku: 'NM-CK-500', quantity: 100 },
    { sku: 'GOM-BINH-30', quantity: 50 },
    { sku: 'NM-CK-5L', quantity: 10 },
    { sku: 'DAO-RUA-01', quantity: 100 },
  ],
  company: {
    name: 'Công ty CP Siêu thị Hà Nội',
    taxCode: '0100109106-001',
    contactName: 'Nguyễn Thị Lan',
    phone: '0912 345 678',
    email: 'Lan.Nguyen@Sieuthi.example.vn',
    province: 'ha noi',
  },
  targetDate: '2025-07-01',
  message: 'Cần hàng cho đợt khuyến mãi tháng 7.',
});

const post = (body: unknown) =>
  new Request(`${SITE}/api/quotes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`quote service on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let deps: QuoteApiDeps;
    const counts = async () => {
      const rows = await handle.db.execute(
        sql`SELECT (SELECT count(*) FROM quotes)::int AS q, (SELECT count(*) FROM quote_requests)::int AS r, (SELECT count(*) FROM quote_request_items)::int AS i, (SELECT count(*) FROM outbox_messages)::int AS o`,
      );
      return (rows as unknown as { rows: Record<string, number>[] }).rows[0];
    };

    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });
    beforeEach(async () => {
      await handle.db.execute(
        sql`TRUNCATE quotes, quote_requests, quote_request_items, outbox_messages CASCADE`,
      );
      deps = { db: handle.db, offers, limiter: new RateLimiter(), siteUrl: SITE, now: NOW };
    });

    it('stores one request per facility, tells each facility with a signed link, and shows the answer to the buyer', async () => {
      const response = await handleCreateQuote(post(validBody()), '203.0.113.5', deps);
      expect(response.status).toBe(201);
      const created = (await response.json()) as {
        reference: string;
        statusUrl: string;
        requests: {
          facility: { id: string; name: string };
          notified: boolean;
          items: { sku: string; quantity: number; indicativeUnitPrice: number }[];
        }[];
      };
      expect(created.reference).toMatch(/^BG-[A-Z2-9]{8}$/);
      expect(
        created.requests.map((r) => [
          r.facility.id,
          r.notified,
          r.items.map((i) => [i.sku, i.quantity, i.indicativeUnitPrice]),
        ]),
      ).toEqual([
        [
          'htx-nuoc-mam',
          true,
          [
            ['NM-CK-500', 100, 98_000],
            ['NM-CK-5L', 10, 900_000],
          ],
        ],
        ['gom-minh-long', true, [['GOM-BINH-30', 50, 400_000]]],
        ['co-khi-son-ha', false, [['DAO-RUA-01', 100, 150_000]]],
      ]);
      expect(await counts()).toEqual({ q: 1, r: 3, i: 4, o: 3 });

      const outbox = await listOutbox(handle.db);
      expect(outbox.map((m) => [m.kind, m.toAddress])).toEqual([
        ['quote-request', 'htx@nuocmam.example.vn'],
        ['quote-request', 'banhang@gom.example.vn'],
        ['quote-confirmation', 'lan.nguyen@sieuthi.example.vn'],
      ]);
      const toFacility = outbox[0]!;
      expect(toFacility.subject).toBe(`Yêu cầu báo giá ${created.reference} từ Công ty CP Siêu thị Hà Nội`);
      expect(toFacility.textBody).toContain('Nước mắm cốt nhĩ (Chai 500 ml, mã NM-CK-500): 100 sản phẩm');
      expect(toFacility.textBody).toContain('Ngày cần hàng: 01/07/2025.');
      expect(outbox[2]!.textBody).toContain(
        'Cơ khí Sơn Hà: cơ sở chưa có e-mail, vui lòng gọi 024 3876 5432',
      );

      // The facility opens its link.
      const link = /https:\/\/cho-cnnt\.example\.vn\/wholesale\/answer\/([^/\s]+)\//.exec(
        toFacility.textBody,
      );
      expect(link).not.toBeNull();
      const check = checkAnswerToken(link![1]!, NOW);
      expect(check.ok).toBe(true);
      if (!check.ok) return;
      const view = await loadFacilityRequest(handle.db, check.requestId);
      expect(view?.request.facilityId).toBe('htx-nuoc-mam');
      expect(view?.quote.taxCode).toBe('0100109106-001');
      const [first] = view!.request.items;
      const answer = {
        kind: 'answer' as const,
        message: 'Giao từ kho Đà Nẵng.',
        items: new Map([[first!.id, { unitPrice: 95_000, quantity: 100, leadTimeDays: 5 }]]),
      };
      expect(
        await answerFacilityRequest(handle.db, check.requestId, answer, { siteUrl: SITE, now: NOW }),
      ).toBe('saved');
      expect(
        await answerFacilityRequest(
          handle.db,
          check.requestId,
          { kind: 'decline', message: undefined },
          { siteUrl: SITE, now: NOW },
        ),
      ).toBe('already_answered');
      expect(
        await answerFacilityRequest(
          handle.db,
          999_999,
          { kind: 'decline', message: undefined },
          { siteUrl: SITE, now: NOW },
        ),
      ).toBe('not_found');

      const toBuyer = (await listOutbox(handle.db, { kind: 'quote-answer' }))[0]!;
      expect(toBuyer.toAddress).toBe('lan.nguyen@sieuthi.example.vn');
      expect(toBuyer.subject).toBe(`HTX Nước mắm Cửa Khe đã trả lời yêu cầu báo giá ${created.reference}`);
      expect(toBuyer.textBody).toContain(
        'Nước mắm cốt nhĩ (Chai 500 ml): 95.000\u00a0₫/sản phẩm, cung cấp được 100, giao trong 5 ngày',
      );
      expect(toBuyer.textBody).toContain('Nước mắm cốt nhĩ (Can 5 lít): cơ sở không báo giá sản phẩm này');

      // The buyer looks the quote up with the reference and e-mail (any case).
      const wrong = await handleGetQuote(
        created.reference,
        new URL(`${SITE}/api/quotes/x?email=someone@else.vn`),
        '203.0.113.5',
        deps,
      );
      expect(wrong.status).toBe(404);
      const lookup = await handleGetQuote(
        created.reference.toLowerCase(),
        new URL(`${SITE}/api/quotes/x?email=LAN.NGUYEN@sieuthi.example.vn`),
        '203.0.113.5',
        deps,
      );
      expect(lookup.status).toBe(200);
      const quote = (await lookup.json()) as {
        requests: { status: string; message: string | null; items: { sku: string; offer: unknown }[] }[];
      };
      expect(quote.requests.map((r) => r.status)).toEqual(['answered', 'pending', 'pending']);
      expect(quote.requests[0]!.message).toBe('Giao từ kho Đà Nẵng.');
      expect(quote.requests[0]!.items.map((i) => [i.sku, i.offer])).toEqual([
        ['NM-CK-500', { unitPrice: 95_000, quantity: 100, leadTimeDays: 5 }],
        ['NM-CK-5L', null],
      ]);
    });

    it('sends the request of a facility without e-mail to the operators’ inbox when one is configured', async () => {
      const response = await handleCreateQuote(post(validBody()), '203.0.113.8', {
        ...deps,
        relayEmail: 'dieuhanh@example.vn',
      });
      const created = (await response.json()) as {
        reference: string;
        requests: { facility: { id: string }; notified: boolean; relayed: boolean }[];
      };
      expect(created.requests.map((r) => [r.facility.id, r.notified, r.relayed])).toEqual([
        ['htx-nuoc-mam', true, false],
        ['gom-minh-long', true, false],
        ['co-khi-son-ha', true, true],
      ]);
      const [relay] = await listOutbox(handle.db, { to: 'dieuhanh@example.vn' });
      expect(relay?.kind).toBe('quote-request');
      expect(relay?.textBody).toMatch(
        /^Gửi ban điều hành: Cơ khí Sơn Hà chưa có e-mail\. Vui lòng gọi 024 3876 5432/,
      );
      expect(relay?.textBody).toMatch(/\/wholesale\/answer\/[^/\s]+\//);
      const [confirmation] = await listOutbox(handle.db, { kind: 'quote-confirmation' });
      expect(confirmation?.textBody).toContain(
        'Cơ khí Sơn Hà: 1 sản phẩm (cơ sở chưa có e-mail; ban điều hành chuyển yêu cầu qua điện thoại 024 3876 5432)',
      );
    });

    it('rejects an invalid tax code, a quantity under the MOQ and unknown SKUs, storing nothing', async () => {
      const badTax = validBody();
      badTax.company.taxCode = '0100109107';
      const r1 = await handleCreateQuote(post(badTax), '203.0.113.6', deps);
      expect(r1.status).toBe(400);
      expect(
        ((await r1.json()) as { error: { fields: Record<string, string> } }).error.fields['company.taxCode'],
      ).toMatch(/check digit/);

      const underMoq = validBody();
      underMoq.items[1]!.quantity = 19;
      const r2 = await handleCreateQuote(post(underMoq), '203.0.113.6', deps);
      expect(r2.status).toBe(400);
      const e2 = (await r2.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(e2.error.fields).toEqual({
        'items.1.quantity': 'below the minimum order quantity of 20 for GOM-BINH-30',
      });

      const several = {
        ...validBody(),
        items: [
          { sku: 'NM-CK-500', quantity: 0 },
          { sku: 'NM-CK-500', quantity: 60 },
        ],
        targetDate: '2020-01-01',
      };
      const r3 = await handleCreateQuote(post(several), '203.0.113.6', deps);
      const e3 = (await r3.json()) as { error: { fields: Record<string, string> } };
      expect(Object.keys(e3.error.fields).sort()).toEqual(['items.0.quantity', 'items.1.sku', 'targetDate']);

      const badProvince = validBody();
      badProvince.company.province = 'Hà Tây';
      const r4 = await handleCreateQuote(post(badProvince), '203.0.113.6', deps);
      expect(Object.keys(((await r4.json()) as { error: { fields: object } }).error.fields)).toEqual([
        'company.province',
      ]);

      expect(await counts()).toEqual({ q: 0, r: 0, i: 0, o: 0 });
    });

    it('rejects a filled honeypot with a 400 and stores nothing', async () => {
      const response = await handleCreateQuote(
        post({ ...validBody(), homepage: 'http://spam.example' }),
        '203.0.113.7',
        deps,
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rejected');
      expect(await counts()).toEqual({ q: 0, r: 0, i: 0, o: 0 });
    });

    it('answers 404 for a reference no quote can have (NUL, 10,000 characters, emoji)', async () => {
      // A NUL reached PostgreSQL as a query parameter, which refuses it: a 500 for a typo'd link.
      for (const reference of ['BG-\u0000AAAAAAA', '\u0000', 'A'.repeat(10_000), 'BG-😀😀😀😀', '../x']) {
        const response = await handleGetQuote(
          reference,
          new URL(`${SITE}/api/quotes/x?email=lan@example.vn`),
          '203.0.113.8',
          deps,
        );
        expect(response.status, JSON.stringify(reference.slice(0, 20))).toBe(404);
      }
      // The status page passes the e-mail from its URL as it is.
      expect(await findQuoteForBuyer(handle.db, 'BG-AAAAAAAA', 'lan\u0000@example.vn')).toBeUndefined();
    });

    it('limits submissions per IP and per e-mail with 429 and Retry-After', async () => {
      for (let i = 0; i < QUOTE_LIMITS.perEmail.limit; i++) {
        expect((await handleCreateQuote(post(validBody()), `198.51.100.${i}`, deps)).status).toBe(201);
      }
      const overEmail = await handleCreateQuote(post(validBody()), '198.51.100.99', deps);
      expect(overEmail.status).toBe(429);
      // The rest of the e-mail's hour, in seconds.
      expect(Number(overEmail.headers.get('retry-after'))).toBeGreaterThan(3590);
      expect(Number(overEmail.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
      expect(await counts()).toMatchObject({ q: QUOTE_LIMITS.perEmail.limit });

      const ip = '192.0.2.1';
      for (let i = 0; i < QUOTE_LIMITS.perIp.limit; i++) {
        const body = validBody();
        body.company.email = `buyer${i}@example.vn`;
        body.company.taxCode = 'not a tax code';
        expect((await handleCreateQuote(post(body), ip, deps)).status).toBe(400);
      }
      const overIp = await handleCreateQuote(post(validBody()), ip, deps);
      expect(overIp.status).toBe(429);
      expect(((await overIp.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    });

    it('accepts only answer links signed for quote answers', async () => {
      const exp = Math.floor(NOW.getTime() / 1000) + 3600;
      expect(checkAnswerToken(signToken({ purpose: 'order-shipment', subject: '1', exp }), NOW)).toEqual({
        ok: false,
        reason: 'wrong_purpose',
      });
      const good = signToken({ purpose: 'quote-answer', subject: '1', exp });
      expect(checkAnswerToken(`${good}x`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
      expect(checkAnswerToken(good, new Date(NOW.getTime() + 7200_000))).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(checkAnswerToken(signToken({ purpose: 'quote-answer', subject: 'abc', exp }), NOW)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    });
  });
}
