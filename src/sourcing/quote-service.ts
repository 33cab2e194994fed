/**
 * Quote requests in the database. createQuote stores the buyer's quote, one request per
 * facility and its items, and enqueues the e-mails (each facility's signed answer link, the
 * buyer's confirmation) in the same transaction, so a message exists exactly when the quote
 * does. Facilities answer or decline once; the buyer is told through the outbox.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { pickText } from '~/i18n/locales';
import { enqueueMessage } from '~/notifications/astro';
import { inboxQuotePath, memberCopyRecipients } from '~/portal';
import {
  type QuoteRequestItemRow,
  type QuoteRequestRow,
  type QuoteRow,
  quoteRequestItems,
  quoteRequests,
  quotes,
} from './db-schema';
import type { QuoteRequestInput } from './quote-input';
import { answerLink, quoteStatusUrl } from './quote-links';
import { buyerAnswerMail, buyerConfirmationMail, facilityRequestMail, memberRequestMail } from './quote-mail';
import type { PlannedRequest } from './quote-plan';

export interface QuoteContext {
  /** Absolute base of links in e-mails (PUBLIC_SITE_URL). */
  siteUrl: string;
  now: Date;
  /** Operators' inbox (ORDERS_EMAIL) that relays requests to facilities without e-mail. */
  relayEmail?: string | undefined;
}

export interface CreatedQuote {
  reference: string;
  statusUrl: string;
  requests: {
    facility: { id: string; name: string };
    /** False when neither the facility nor the operators could be e-mailed: the buyer is asked to call. */
    notified: boolean;
    /** True when the request went to the operators' inbox to be relayed by phone. */
    relayed: boolean;
    items: { sku: string; product: string; quantity: number; indicativeUnitPrice: number }[];
  }[];
}

/** Unambiguous letters and digits (no 0/O, 1/I/L): references are read out on the phone. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "BG-7KQ3MZ2A": 31^8 ≈ 8·10^11 values, so guessing one is hopeless and collisions negligible (the unique index guards the rest). */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `BG-${code}`;
}

export async function createQuote(
  db: Database,
  input: QuoteRequestInput,
  plan: readonly PlannedRequest[],
  ctx: QuoteContext,
): Promise<CreatedQuote> {
  const locale = input.locale ?? 'vi';
  return db.transaction(async (tx) => {
    const [quote] = await tx
      .insert(quotes)
      .values({
        reference: newReference(),
        companyName: input.company.name,
        taxCode: input.company.taxCode,
        contactName: input.company.contactName,
        phone: input.company.phone,
        email: input.company.email,
        province: input.company.province,
        targetDate: input.targetDate ?? null,
        message: input.message || null,
        locale,
        createdAt: ctx.now,
      })
      .returning();
    if (!quote) throw new Error('quote insert returned nothing');
    const statusUrl = quoteStatusUrl(ctx.siteUrl, locale, quote.reference, quote.email);
    const created: CreatedQuote['requests'] = [];
    const summaries: Parameters<typeof buyerConfirmationMail>[1][number][] = [];

    for (const planned of plan) {
      const [request] = await tx
        .insert(quoteRequests)
        .values({
          quoteId: quote.id,
          facilityId: planned.facilityId,
          facilityName: planned.facilityName,
          facilityEmail: planned.facilityEmail ?? null,
          facilityPhone: planned.facilityPhone ?? null,
          relayedTo: planned.facilityEmail ? null : (ctx.relayEmail ?? null),
        })
        .returning();
      if (!request) throw new Error('quote request insert returned nothing');
      const items = await tx
        .insert(quoteRequestItems)
        .values(
          planned.items.map((item, position) => ({
            requestId: request.id,
            position,
            sku: item.offer.sku,
            productId: item.offer.productId,
            productName: item.offer.productName,
            variantName: pickText(item.offer.variantName, 'vi') ?? item.offer.packSize,
            quantity: item.line.quantity,
            minOrderQuantity: item.offer.minOrderQuantity,
            indicativeUnitPrice: item.line.unitPrice,
          })),
        )
        .returning();
      // The facility's members who want them get a copy pointing to the portal's inbox.
      const members = await memberCopyRecipients(tx, request.facilityId, 'quotes', [request.facilityEmail]);
      if (members.length > 0) {
        const inboxUrl = new URL(inboxQuotePath(request.facilityId, request.id), ctx.siteUrl).href;
        const copy = memberRequestMail(quote, request, items, inboxUrl);
        for (const member of members)
          await enqueueMessage(tx, {
            kind: 'member-quote-request',
            ref: `${quote.reference}:${request.id}`,
            to: member,
            ...copy,
          });
      }
      const to = request.facilityEmail ?? request.relayedTo;
      if (to) {
        const mail = facilityRequestMail(quote, request, items, answerLink(ctx.siteUrl, request.id, ctx.now));
        await enqueueMessage(tx, {
          kind: 'quote-request',
          ref: `${quote.reference}:${request.id}`,
          to,
          ...mail,
        });
      }
      summaries.push({ ...request, itemCount: items.length });
      created.push({
        facility: { id: request.facilityId, name: request.facilityName },
        notified: to !== null,
        relayed: request.relayedTo !== null,
        items: items.map((i) => ({
          sku: i.sku,
          product: i.productName,
          quantity: i.quantity,
          indicativeUnitPrice: i.indicativeUnitPrice,
        })),
      });
    }

    const confirmation = buyerConfirmationMail(quote, summaries, statusUrl);
    await enqueueMessage(tx, {
      kind: 'quote-confirmation',
      ref: quote.reference,
      to: quote.email,
      ...confirmation,
    });
    return { reference: quote.reference, statusUrl, requests: created };
  });
}

export interface RequestWithItems extends QuoteRequestRow {
  items: QuoteRequestItemRow[];
}

export interface QuoteView extends QuoteRow {
  requests: RequestWithItems[];
}

async function requestsOf(db: Database, quoteId: number): Promise<RequestWithItems[]> {
  const requests = await db
    .select()
    .from(quoteRequests)
    .where(eq(quoteRequests.quoteId, quoteId))
    .orderBy(asc(quoteRequests.id));
  if (requests.length === 0) return [];
  const items = await db
    .select()
    .from(quoteRequestItems)
    .where(
      inArray(
        quoteRequestItems.requestId,
        requests.map((r) => r.id),
      ),
    )
    .orderBy(asc(quoteRequestItems.requestId), asc(quoteRequestItems.position));
  return requests.map((r) => ({ ...r, items: items.filter((i) => i.requestId === r.id) }));
}

/** What newReference makes, in any case: anything else names no quote. */
const REFERENCE_PATTERN = /^BG-[A-Z0-9]{8}$/;

/** A quote with every facility's answer, only when the e-mail is the buyer's. */
export async function findQuoteForBuyer(
  db: Database,
  reference: string,
  email: string,
): Promise<QuoteView | undefined> {
  const wanted = reference.trim().toUpperCase();
  // Both come from a URL (the API, the status page): a NUL would make PostgreSQL fail the query.
  if (!REFERENCE_PATTERN.test(wanted) || email.includes('\0')) return undefined;
  const [quote] = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.reference, wanted), eq(quotes.email, email.trim().toLowerCase())));
  return quote && { ...quote, requests: await requestsOf(db, quote.id) };
}

export interface FacilityRequestView {
  quote: QuoteRow;
  request: RequestWithItems;
}

/** What a facility sees behind its signed link. */
export async function loadFacilityRequest(
  db: Database,
  requestId: number,
): Promise<FacilityRequestView | undefined> {
  const [row] = await db
    .select({ quote: quotes, request: quoteRequests })
    .from(quoteRequests)
    .innerJoin(quotes, eq(quotes.id, quoteRequests.quoteId))
    .where(eq(quoteRequests.id, requestId));
  if (!row) return undefined;
  const items = await db
    .select()
    .from(quoteRequestItems)
    .where(eq(quoteRequestItems.requestId, requestId))
    .orderBy(asc(quoteRequestItems.position));
  return { quote: row.quote, request: { ...row.request, items } };
}

export interface OfferedItem {
  unitPrice: number;
  quantity: number;
  leadTimeDays: number;
}

export type FacilityAnswer =
  | {
      kind: 'answer';
      message: string | undefined /** By item id; items left out are not offered. */;
      items: ReadonlyMap<number, OfferedItem>;
      /** The last day the prices stand (yyyy-mm-dd), when the facility says. */
      validUntil?: string;
    }
  | { kind: 'decline'; message: string | undefined };

export type AnswerOutcome = 'saved' | 'already_answered' | 'not_found';

/** A signed-in person of the facility portal answering for a facility (the signed link has none). */
export interface RequestActor {
  /** Another facility's request is not found. */
  facilityId: string;
  actor: Actor;
}

/**
 * Records a facility's answer once (a second submission changes nothing) and tells the buyer.
 * Through the portal's inbox (`by`), the request must be that facility's, and the answer is
 * audited under the person in the same transaction.
 */
export async function answerFacilityRequest(
  db: Database,
  requestId: number,
  answer: FacilityAnswer,
  ctx: QuoteContext,
  by?: RequestActor,
): Promise<AnswerOutcome> {
  return db.transaction(async (tx) => {
    const theRequest = by
      ? and(eq(quoteRequests.id, requestId), eq(quoteRequests.facilityId, by.facilityId))
      : eq(quoteRequests.id, requestId);
    const [request] = await tx
      .update(quoteRequests)
      .set({
        status: answer.kind === 'answer' ? 'answered' : 'declined',
        facilityMessage: answer.message || null,
        answeredAt: ctx.now,
        validUntil: answer.kind === 'answer' ? (answer.validUntil ?? null) : null,
      })
      .where(and(theRequest, eq(quoteRequests.status, 'pending')))
      .returning();
    if (!request) {
      const [exists] = await tx.select({ id: quoteRequests.id }).from(quoteRequests).where(theRequest);
      return exists ? 'already_answered' : 'not_found';
    }
    if (answer.kind === 'answer') {
      for (const [itemId, offered] of answer.items) {
        await tx
          .update(quoteRequestItems)
          .set({
            offeredUnitPrice: offered.unitPrice,
            offeredQuantity: offered.quantity,
            leadTimeDays: offered.leadTimeDays,
          })
          .where(and(eq(quoteRequestItems.id, itemId), eq(quoteRequestItems.requestId, requestId)));
      }
    }
    const [quote] = await tx.select().from(quotes).where(eq(quotes.id, request.quoteId));
    if (!quote) throw new Error(`quote ${request.quoteId} of request ${requestId} is missing`);
    const items = await tx
      .select()
      .from(quoteRequestItems)
      .where(eq(quoteRequestItems.requestId, requestId))
      .orderBy(asc(quoteRequestItems.position));
    if (by)
      await appendAudit(tx, by.actor, {
        action: answer.kind === 'answer' ? 'quote_request.answer' : 'quote_request.decline',
        target: { type: 'quote_request', id: String(requestId) },
        facilityId: request.facilityId,
        before: { reference: quote.reference, status: 'pending' },
        after: {
          reference: quote.reference,
          status: request.status,
          message: request.facilityMessage,
          validUntil: request.validUntil,
          items: items
            .filter((i) => i.offeredUnitPrice !== null)
            .map((i) => ({
              sku: i.sku,
              unitPrice: i.offeredUnitPrice,
              quantity: i.offeredQuantity,
              leadTimeDays: i.leadTimeDays,
            })),
        },
      });
    const mail = buyerAnswerMail(
      quote,
      request,
      items,
      quoteStatusUrl(ctx.siteUrl, quote.locale, quote.reference, quote.email),
    );
    await enqueueMessage(tx, {
      kind: 'quote-answer',
      ref: `${quote.reference}:${request.id}`,
      to: quote.email,
      ...mail,
    });
    return 'saved';
  });
}
