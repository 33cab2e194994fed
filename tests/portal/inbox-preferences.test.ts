/**
 * Members' e-mail preferences on PGlite and PostgreSQL: stored per member and facility (on by
 * default), saved from the inbox page and audited under the person; a copy of a new order, of
 * a bank transfer come in, and of a new quote request is queued to each member who wants it
 * (not to those who turned it off, not to disabled accounts, not twice to the registry e-mail),
 * pointing to the inbox, never carrying the signed link; the registry e-mail keeps its message.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { inviteAccount, setAccountDisabled } from '~/accounts/invitations';
import { markPaid } from '~/commerce/orders/order-lifecycle';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { auditLog, commandActor } from '~/db/audit-log';
import { listOutbox } from '~/notifications/outbox';
import { type InboxPageOutcome, inboxPageState } from '~/portal/inbox-page';
import { inboxPreferences, saveInboxPreferences } from '~/portal/inbox-preferences-store';
import { memberCopyRecipients } from '~/portal/inbox-recipients';
import type { PortalPrincipal } from '~/portal/portal-page';
import { RateLimiter } from '~/security/rate-limit';
import { buildOffers, offersBySku } from '~/sourcing/offers';
import { handleCreateQuote } from '~/sourcing/quote-api';
import { testEngines } from '~tests/notifications/test-databases';
import { fixtureCatalogue, orderRequest } from '../commerce/fixtures';
import { useCommerceDatabase } from '../commerce/test-database';
import { useTestEnv } from '../commerce/test-env';
import { AS_OF, fixtureCatalogue as sourcingCatalogue } from '../sourcing/fixtures';

useTestEnv();

const FISH = 'co-so-nuoc-mam';
const POTTERY = 'htx-gom';
const catalogue = fixtureCatalogue();
const base = 'http://localhost:4321';

let run = 0;
for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`inbox e-mail preferences on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);
    /** Fresh addresses each test: accounts are not emptied between tests. */
    let tag = '';
    beforeEach(async () => {
      tag = `${engine.name}${++run}`;
      await shop.db.execute(sql`TRUNCATE quotes, quote_requests, quote_request_items CASCADE`);
    });

    async function memberOf(name: string, ...facilityIds: string[]): Promise<PortalPrincipal> {
      const email = `${name}-${tag}@example.vn`;
      let userId = '';
      for (const facilityId of facilityIds)
        ({ userId } = await inviteAccount(shop.db, commandActor('facility'), {
          email,
          role: 'facility',
          facilityId,
        }));
      return { kind: 'account', userId, email, role: 'facility', twoFactorEnabled: false, facilityIds };
    }
    const page = async (request: Request, who: PortalPrincipal): Promise<InboxPageOutcome> =>
      inboxPageState(shop.db, request, 'vi', who, catalogue);
    /** This test's copies (members of earlier tests stay members, and get theirs too). */
    const copies = async (kind: string) =>
      (await listOutbox(shop.db, { kind }))
        .filter((m) => m.toAddress.endsWith(`-${tag}@example.vn`))
        .map((m) => ({
          to: m.toAddress,
          ref: m.ref,
          text: m.textBody,
          subject: m.subject,
        }));

    it('stores preferences per member and facility, on by default, saved from the page and audited', async () => {
      const lan = await memberOf('lan', FISH, POTTERY);
      expect(await inboxPreferences(shop.db, lan.userId, FISH)).toEqual({ newOrders: true, newQuotes: true });

      const first = await page(new Request(`${base}/facility/inbox/?facility=${FISH}`), lan);
      expect(first.kind === 'page' && first.state!.preferences).toEqual({
        newOrders: true,
        newQuotes: true,
        email: lan.email,
      });

      // Unticking "new orders" for the fish-sauce facility only.
      const saved = await page(
        new Request(`${base}/facility/inbox/?facility=${FISH}&box=quotes`, {
          method: 'POST',
          body: new URLSearchParams({ action: 'preferences', newQuotes: 'on' }),
        }),
        lan,
      );
      expect(saved).toEqual({
        kind: 'redirect',
        location: `/facility/inbox/?facility=${FISH}&box=quotes&saved=preferences`,
      });
      expect(await inboxPreferences(shop.db, lan.userId, FISH)).toEqual({
        newOrders: false,
        newQuotes: true,
      });
      expect(await inboxPreferences(shop.db, lan.userId, POTTERY)).toEqual({
        newOrders: true,
        newQuotes: true,
      });
      const shown = await page(
        new Request(`${base}/facility/inbox/?facility=${FISH}&saved=preferences`),
        lan,
      );
      expect(shown.kind === 'page' && [shown.state!.notice, shown.state!.preferences?.newOrders]).toEqual([
        'Đã lưu lựa chọn thông báo.',
        false,
      ]);

      const audits = () =>
        shop.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'facility.inbox_preferences'), eq(auditLog.targetId, lan.userId)));
      expect(await audits()).toMatchObject([
        {
          actorId: lan.userId,
          facilityId: FISH,
          before: { newOrders: true, newQuotes: true },
          after: { newOrders: false, newQuotes: true },
        },
      ]);
      // Saving the same choices again changes nothing and logs nothing.
      await saveInboxPreferences(
        shop.db,
        commandActor('test'),
        { userId: lan.userId, facilityId: FISH },
        {
          newOrders: false,
          newQuotes: true,
        },
      );
      expect(await audits()).toHaveLength(1);

      // An operator viewing the facility has no preferences there, and cannot post them.
      const operator: PortalPrincipal = {
        ...lan,
        userId: 'op',
        role: 'operator',
        twoFactorEnabled: true,
        facilityIds: [],
      };
      const staffView = await page(new Request(`${base}/facility/inbox/?facility=${FISH}`), operator);
      expect(staffView.kind === 'page' && staffView.state!.preferences).toBeNull();
      const staffPost = await page(
        new Request(`${base}/facility/inbox/?facility=${FISH}`, {
          method: 'POST',
          body: new URLSearchParams({ action: 'preferences' }),
        }),
        operator,
      );
      expect(staffPost.kind === 'page' && staffPost.status).toBe(403);
    });

    it('queues a copy of new orders and transfers in to the members who want them, pointing to the inbox', async () => {
      const wants = await memberOf('muon', FISH);
      const declines = await memberOf('khong-muon', FISH);
      const gone = await memberOf('da-nghi', FISH);
      const pottery = await memberOf('gom', POTTERY);
      await saveInboxPreferences(
        shop.db,
        commandActor('test'),
        { userId: declines.userId, facilityId: FISH },
        {
          newOrders: false,
          newQuotes: true,
        },
      );
      await setAccountDisabled(shop.db, commandActor('test'), gone.userId, true);
      // The registry's own address, also a member: it gets the signed-link message, not a copy too.
      await memberOf('registry', FISH);
      await inviteAccount(shop.db, commandActor('facility'), {
        email: 'nuocmam@example.vn',
        role: 'facility',
        facilityId: FISH,
      });
      const recipients = await memberCopyRecipients(shop.db, FISH, 'orders', ['NuocMam@example.vn']);
      expect(recipients.filter((e) => e.includes(`-${tag}@`))).toEqual(
        [wants.email, `registry-${tag}@example.vn`].sort(),
      );
      expect(recipients).not.toContain('nuocmam@example.vn');

      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod: 'bank_transfer' }));
      if (!outcome.ok) throw new Error('order failed');
      const placed = (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
      const fish = placed.shipments.find((s) => s.facilityId === FISH)!;
      const made = await copies('member-new-order');
      expect(made.map((c) => [c.to, c.ref]).sort()).toEqual(
        [
          [wants.email, `${placed.orderNumber}/${FISH}`],
          [`registry-${tag}@example.vn`, `${placed.orderNumber}/${FISH}`],
          [pottery.email, `${placed.orderNumber}/${POTTERY}`],
        ].sort(),
      );
      const copy = made.find((c) => c.to === wants.email)!;
      expect(copy.subject).toBe(
        `[Cổng cơ sở] Đơn hàng mới ${placed.orderNumber} cho Cơ sở Nước mắm Hồng Hạnh`,
      );
      expect(copy.text).toContain(`https://cho-cnnt.test/facility/inbox/orders/${fish.id}/?facility=${FISH}`);
      expect(copy.text).toContain('NM-500');
      expect(copy.text).not.toContain('/facility/orders/');
      expect(copy.text).not.toContain(placed.buyerPhone);
      // The registry e-mail still gets its signed link, as before.
      const facilityMessages = await listOutbox(shop.db, { kind: 'facility-new-order' });
      expect(facilityMessages.map((m) => m.toAddress).sort()).toEqual([
        'gom@example.vn',
        'nuocmam@example.vn',
      ]);
      expect(facilityMessages[0]!.textBody).toContain('/facility/orders/');

      // The transfer comes in: the same members hear they may ship.
      await shop.db.transaction((tx) => markPaid(tx, placed.id, new Date()));
      expect((await copies('member-payment-received')).map((c) => c.to).sort()).toEqual(
        [wants.email, `registry-${tag}@example.vn`, pottery.email].sort(),
      );
    });

    it('queues a copy of new quote requests to the members who want them', async () => {
      const quotes = sourcingCatalogue();
      const wants = await memberOf('bao-gia', 'htx-nuoc-mam');
      const declines = await memberOf('khong-bao-gia', 'htx-nuoc-mam');
      await saveInboxPreferences(
        shop.db,
        commandActor('test'),
        { userId: declines.userId, facilityId: 'htx-nuoc-mam' },
        {
          newOrders: true,
          newQuotes: false,
        },
      );
      const response = await handleCreateQuote(
        new Request('https://cho-cnnt.example.vn/api/quotes', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            items: [{ sku: 'NM-CK-500', quantity: 100 }],
            company: {
              name: 'Công ty CP Siêu thị Hà Nội',
              taxCode: '0100109106-001',
              contactName: 'Nguyễn Thị Lan',
              phone: '0912 345 678',
              email: 'lan@sieuthi.example.vn',
              province: 'ha noi',
            },
          }),
        }),
        '203.0.113.5',
        {
          db: shop.db,
          offers: offersBySku(buildOffers(quotes, AS_OF)),
          limiter: new RateLimiter(),
          siteUrl: 'https://cho-cnnt.example.vn',
          now: new Date(`${AS_OF}T03:00:00Z`),
        },
      );
      expect(response.status).toBe(201);
      const { reference } = (await response.json()) as { reference: string };
      const made = await copies('member-quote-request');
      expect(made.map((c) => c.to)).toEqual([wants.email]);
      expect(made[0]!.subject).toBe(
        `[Cổng cơ sở] Yêu cầu báo giá ${reference} từ Công ty CP Siêu thị Hà Nội`,
      );
      expect(made[0]!.text).toMatch(
        /https:\/\/cho-cnnt\.example\.vn\/facility\/inbox\/quotes\/\d+\/\?facility=htx-nuoc-mam/,
      );
      expect(made[0]!.text).not.toContain('/wholesale/answer/');
      expect(made[0]!.text).not.toContain('lan@sieuthi.example.vn');
      // The facility's registry e-mail still gets the signed link.
      const toFacility = await listOutbox(shop.db, { kind: 'quote-request' });
      expect(toFacility.map((m) => m.toAddress)).toEqual(['htx@nuocmam.example.vn']);
      expect(toFacility[0]!.textBody).toContain('/wholesale/answer/');
    });
  });
}
