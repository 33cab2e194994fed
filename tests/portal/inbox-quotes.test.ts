/**
 * The inbox's quote requests on PGlite and PostgreSQL: each facility sees its own request of a
 * quote sent to several; a member of A can neither list, open nor answer B's request (every
 * verb: 403 or 404, nothing changed, nothing audited); answering and declining through the
 * inbox store what the signed link stores, tell the buyer, and are audited under the person,
 * while the signed link keeps working; counts, state and text filters.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import { auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { listOutbox } from '~/notifications/outbox';
import { type InboxPageOutcome, inboxPageState, inboxPendingCount } from '~/portal/inbox-page';
import { type InboxQuoteOutcome, inboxQuotePageState } from '~/portal/inbox-quote-page';
import type { PortalPrincipal } from '~/portal/portal-page';
import { RateLimiter } from '~/security/rate-limit';
import { answerPageState } from '~/sourcing/answer-page';
import { buildOffers, offersBySku } from '~/sourcing/offers';
import { handleCreateQuote } from '~/sourcing/quote-api';
import { loadFacilityRequest } from '~/sourcing/quote-service';
import { testEngines } from '../notifications/test-databases';
import { AS_OF, fixtureCatalogue } from '../sourcing/fixtures';

process.env.LINK_SIGNING_SECRET = 'test-link-signing-secret-of-at-least-32-chars';
resetEnvCache();

const SITE = 'https://cho-cnnt.example.vn';
const NOW = new Date(`${AS_OF}T03:00:00Z`);
const FISH = 'htx-nuoc-mam';
const POTTERY = 'gom-minh-long';
const catalogue = fixtureCatalogue();
const offers = offersBySku(buildOffers(catalogue, AS_OF));

const member = (userId: string, ...facilityIds: string[]): PortalPrincipal => ({
  kind: 'account',
  userId,
  email: `${userId}@example.vn`,
  role: 'facility',
  twoFactorEnabled: false,
  facilityIds,
});
const fishMember = member('chu-nuoc-mam', FISH);
const potteryMember = member('chu-gom', POTTERY);

const base = 'http://localhost:4321';
const get = (path: string) => new Request(`${base}${path}`);
const post = (path: string, fields: Record<string, string>) =>
  new Request(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields) });

function listPage(outcome: InboxPageOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got a redirect to ${outcome.location}`);
  return outcome;
}
function itemPage(outcome: InboxQuoteOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got a redirect to ${outcome.location}`);
  return outcome;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`inbox quote requests on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(() => handle?.close());
    beforeEach(async () => {
      await handle.db.execute(
        sql`TRUNCATE quotes, quote_requests, quote_request_items, outbox_messages CASCADE`,
      );
    });

    /** Sends one quote (to the fish-sauce and pottery facilities), returns its requests by facility. */
    async function quote(company: Partial<{ name: string; contactName: string; phone: string }> = {}) {
      const response = await handleCreateQuote(
        new Request(`${SITE}/api/quotes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            items: [
              { sku: 'NM-CK-500', quantity: 100 },
              { sku: 'GOM-BINH-30', quantity: 50 },
            ],
            company: {
              name: 'Công ty CP Siêu thị Hà Nội',
              taxCode: '0100109106-001',
              contactName: 'Nguyễn Thị Lan',
              phone: '0912 345 678',
              email: 'lan@sieuthi.example.vn',
              province: 'ha noi',
              ...company,
            },
          }),
        }),
        '203.0.113.5',
        { db: handle.db, offers, limiter: new RateLimiter(), siteUrl: SITE, now: NOW },
      );
      if (response.status !== 201) throw new Error(`quote refused: ${await response.text()}`);
      const { reference } = (await response.json()) as { reference: string };
      const rows = (await handle.db.execute(
        sql`SELECT r.id, r.facility_id FROM quote_requests r JOIN quotes q ON q.id = r.quote_id WHERE q.reference = ${reference}`,
      )) as unknown as { rows: { id: string | number; facility_id: string }[] };
      const id = (facilityId: string) => Number(rows.rows.find((r) => r.facility_id === facilityId)!.id);
      return { reference, fish: id(FISH), pottery: id(POTTERY) };
    }
    const list = async (path: string, who: PortalPrincipal) =>
      listPage(
        await inboxPageState(handle.db, get(path), path.startsWith('/en/') ? 'en' : 'vi', who, catalogue),
      );
    const item = (request: Request, who: PortalPrincipal, id: number | string) =>
      inboxQuotePageState(handle.db, request, who, catalogue, String(id), { siteUrl: SITE, now: NOW });
    const auditOf = (requestId: number) =>
      handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetType, 'quote_request'), eq(auditLog.targetId, String(requestId))))
        .orderBy(auditLog.id);
    const answerFields = async (requestId: number, price: string) => {
      const view = await loadFacilityRequest(handle.db, requestId);
      const [first] = view!.request.items;
      return {
        action: 'answer',
        [`price-${first!.id}`]: price,
        [`quantity-${first!.id}`]: '100',
        [`lead-${first!.id}`]: '5',
        message: 'Giao từ kho Đà Nẵng.',
        validUntil: '2025-07-31',
      };
    };

    it("lists each facility's own request of a quote sent to several", async () => {
      const sent = await quote();
      const fish = await list('/facility/inbox/?box=quotes', fishMember);
      expect(fish.state!.quotes).toHaveLength(1);
      expect(fish.state!.quotes[0]).toMatchObject({
        reference: sent.reference,
        companyName: 'Công ty CP Siêu thị Hà Nội',
        state: 'open',
        items: '1',
        href: `/facility/inbox/quotes/${sent.fish}/?facility=${FISH}`,
      });
      expect(fish.state!.counts.quotes).toEqual({ open: 1, answered: 0, declined: 0, all: 1 });
      const pottery = await list('/en/facility/inbox/?box=quotes', potteryMember);
      expect(pottery.state!.quotes.map((q) => q.href)).toEqual([
        `/en/facility/inbox/quotes/${sent.pottery}/?facility=${POTTERY}`,
      ]);
      const opened = itemPage(await item(get(`/facility/inbox/quotes/${sent.fish}/`), fishMember, sent.fish));
      expect(opened.status).toBe(200);
      expect(opened.state!.view.request.items.map((i) => i.sku)).toEqual(['NM-CK-500']);
    });

    it("gives a member of A 403 or 404 for B's requests on every verb, and changes nothing", async () => {
      const sent = await quote();
      const theirs = sent.pottery;
      expect((await list(`/facility/inbox/?box=quotes&facility=${POTTERY}`, fishMember)).status).toBe(403);
      const forms = [await answerFields(theirs, '390000'), { action: 'decline', message: 'Không' }];
      const outcomes = [
        await item(get(`/facility/inbox/quotes/${theirs}/?facility=${POTTERY}`), fishMember, theirs),
        await item(get(`/facility/inbox/quotes/${theirs}/`), fishMember, theirs),
      ];
      for (const fields of forms)
        outcomes.push(
          await item(
            post(`/facility/inbox/quotes/${theirs}/?facility=${POTTERY}`, fields),
            fishMember,
            theirs,
          ),
          await item(post(`/facility/inbox/quotes/${theirs}/`, fields), fishMember, theirs),
          await item(post(`/facility/inbox/quotes/${theirs}/?facility=${FISH}`, fields), fishMember, theirs),
        );
      expect(outcomes.map((o) => itemPage(o).status)).toEqual([403, 404, 403, 404, 404, 403, 404, 404]);
      expect(outcomes.every((o) => itemPage(o).state === null)).toBe(true);
      const after = await loadFacilityRequest(handle.db, theirs);
      expect(after!.request).toMatchObject({ status: 'pending', facilityMessage: null, answeredAt: null });
      expect(after!.request.items.every((i) => i.offeredUnitPrice === null)).toBe(true);
      expect(await auditOf(theirs)).toEqual([]);
      expect(await listOutbox(handle.db, { kind: 'quote-answer' })).toEqual([]);
    });

    it('answers and declines through the inbox as the signed link does, audited under the person', async () => {
      const viaInbox = await quote();
      const viaLink = await quote();
      const path = `/facility/inbox/quotes/${viaInbox.fish}/?facility=${FISH}`;

      // A half-filled line is refused and nothing is stored.
      const bad = itemPage(
        await item(
          post(path, { ...(await answerFields(viaInbox.fish, '')), action: 'answer' }),
          fishMember,
          viaInbox.fish,
        ),
      );
      expect(bad.status).toBe(400);
      expect(Object.values(bad.state!.errors)).toContain('errorWholeNumber');
      expect((await loadFacilityRequest(handle.db, viaInbox.fish))!.request.status).toBe('pending');

      const answered = await item(
        post(path, await answerFields(viaInbox.fish, '95.000')),
        fishMember,
        viaInbox.fish,
      );
      expect(answered).toEqual({
        kind: 'redirect',
        location: `/facility/inbox/quotes/${viaInbox.fish}/?facility=${FISH}&saved=1`,
        saved: true,
      });
      const linkAnswer = await answerPageState(
        handle.db,
        { requestId: viaLink.fish },
        post('/wholesale/answer/token/', await answerFields(viaLink.fish, '95000')),
        { siteUrl: SITE, now: NOW },
      );
      expect(linkAnswer).toEqual({
        kind: 'redirect',
        location: '/wholesale/answer/token/?saved=1',
        saved: true,
      });

      const stored = async (requestId: number) => {
        const { request } = (await loadFacilityRequest(handle.db, requestId))!;
        return {
          status: request.status,
          message: request.facilityMessage,
          validUntil: request.validUntil,
          items: request.items.map((i) => [i.sku, i.offeredUnitPrice, i.offeredQuantity, i.leadTimeDays]),
        };
      };
      expect(await stored(viaInbox.fish)).toEqual({
        status: 'answered',
        message: 'Giao từ kho Đà Nẵng.',
        validUntil: '2025-07-31',
        items: [['NM-CK-500', 95_000, 100, 5]],
      });
      expect(await stored(viaInbox.fish)).toEqual(await stored(viaLink.fish));
      // The buyer is told of both answers, with how long the prices stand.
      const told = await listOutbox(handle.db, { kind: 'quote-answer' });
      expect(told.every((m) => m.textBody.includes('Báo giá có hiệu lực đến 31/07/2025.'))).toBe(true);
      expect(told.map((m) => m.ref).sort()).toEqual(
        [`${viaInbox.reference}:${viaInbox.fish}`, `${viaLink.reference}:${viaLink.fish}`].sort(),
      );

      const [entry, ...more] = await auditOf(viaInbox.fish);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        action: 'quote_request.answer',
        actorKind: 'user',
        actorId: fishMember.userId,
        facilityId: FISH,
        before: { reference: viaInbox.reference, status: 'pending' },
        after: {
          reference: viaInbox.reference,
          status: 'answered',
          message: 'Giao từ kho Đà Nẵng.',
          validUntil: '2025-07-31',
          items: [{ sku: 'NM-CK-500', unitPrice: 95_000, quantity: 100, leadTimeDays: 5 }],
        },
      });
      expect(await auditOf(viaLink.fish)).toEqual([]);

      // Posting again (another tab) changes nothing: the page says it was already answered.
      const again = itemPage(
        await item(post(path, await answerFields(viaInbox.fish, '1')), fishMember, viaInbox.fish),
      );
      expect([again.status, again.state!.saved, again.state!.view.request.status]).toEqual([
        200,
        false,
        'answered',
      ]);
      expect((await stored(viaInbox.fish)).items).toEqual([['NM-CK-500', 95_000, 100, 5]]);
      expect(await auditOf(viaInbox.fish)).toHaveLength(1);
      const shown = itemPage(await item(get(`${path}&saved=1`), fishMember, viaInbox.fish));
      expect([shown.status, shown.state!.saved]).toEqual([200, true]);

      // Declining, for the pottery.
      const declined = await item(
        post(`/facility/inbox/quotes/${viaInbox.pottery}/`, { action: 'decline', message: 'Hết men lam' }),
        potteryMember,
        viaInbox.pottery,
      );
      expect(declined).toMatchObject({ kind: 'redirect', saved: true });
      expect(await stored(viaInbox.pottery)).toMatchObject({ status: 'declined', message: 'Hết men lam' });
      expect((await auditOf(viaInbox.pottery)).map((a) => [a.action, a.actorId])).toEqual([
        ['quote_request.decline', potteryMember.userId],
      ]);
    });

    it('keeps the signed link working: view, answer, invalid for an unknown request', async () => {
      const sent = await quote();
      const view = await answerPageState(
        handle.db,
        { requestId: sent.pottery },
        get('/wholesale/answer/t/'),
        {
          siteUrl: SITE,
          now: NOW,
        },
      );
      expect(view).toMatchObject({
        kind: 'view',
        status: 200,
        saved: false,
        view: { request: { status: 'pending' } },
      });
      expect(
        await answerPageState(handle.db, { requestId: 999_999_999 }, get('/wholesale/answer/t/'), {
          siteUrl: SITE,
          now: NOW,
        }),
      ).toEqual({ kind: 'invalid' });
      const declined = await answerPageState(
        handle.db,
        { requestId: sent.pottery },
        post('/wholesale/answer/t/', { action: 'decline' }),
        { siteUrl: SITE, now: NOW },
      );
      expect(declined).toEqual({ kind: 'redirect', location: '/wholesale/answer/t/?saved=1', saved: true });
      expect((await loadFacilityRequest(handle.db, sent.pottery))!.request.status).toBe('declined');
    });

    it('counts per state and filters by state and text', async () => {
      const lan = await quote();
      const minh = await quote({
        name: 'Công ty TNHH Đồng Tâm',
        contactName: 'Trần Văn Minh',
        phone: '0987 654 321',
      });
      const third = await quote({ name: 'HTX Thương mại Bắc Ninh' });
      await item(
        post(`/facility/inbox/quotes/${minh.fish}/`, await answerFields(minh.fish, '96000')),
        fishMember,
        minh.fish,
      );
      await item(
        post(`/facility/inbox/quotes/${third.fish}/`, { action: 'decline' }),
        fishMember,
        third.fish,
      );

      const all = await list('/facility/inbox/?box=quotes', fishMember);
      expect(all.state!.counts.quotes).toEqual({ open: 1, answered: 1, declined: 1, all: 3 });
      expect(all.state!.quotes.map((q) => q.reference)).toEqual([
        third.reference,
        minh.reference,
        lan.reference,
      ]);
      expect(all.state!.boxes.map((b) => [b.box, b.count, b.current])).toEqual([
        ['orders', 0, false],
        ['quotes', 3, true],
      ]);
      expect(await inboxPendingCount(handle.db, FISH)).toBe(1);

      const refs = async (query: string) =>
        (await list(`/facility/inbox/?box=quotes&${query}`, fishMember)).state!.quotes.map(
          (q) => q.reference,
        );
      expect(await refs('state=open')).toEqual([lan.reference]);
      expect(await refs('state=answered')).toEqual([minh.reference]);
      expect(await refs('state=declined')).toEqual([third.reference]);
      expect(await refs(`q=${minh.reference.toLowerCase()}`)).toEqual([minh.reference]);
      expect(await refs('q=dong+tam')).toEqual([minh.reference]);
      expect(await refs('q=tran+van+minh')).toEqual([minh.reference]);
      expect(await refs('q=0987.654.321')).toEqual([minh.reference]);
      expect(await refs('q=0100109106')).toEqual([third.reference, minh.reference, lan.reference]);
      expect(await refs('q=bac+ninh&state=open')).toEqual([]);
      // State filters of the other box are not this box's: every state.
      expect(await refs('state=to_ship')).toHaveLength(3);
    });
  });
}
