/**
 * /admin/payments/ (operators): bank transfers awaiting payment, each with a "mark paid" form,
 * and a bank statement upload whose proposed matches are confirmed one by one through the same
 * form. Commerce owns the rules (markTransferPaid, the statement reading and matching); this
 * parses the posts, calls it and words the outcome in the page's language.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import {
  type AwaitedTransfer,
  awaitedTransfers,
  loadStatement,
  markTransferPaid,
  parseAmount,
  readStatementFile,
  STATEMENT_MAX_BYTES,
  type StatementMatch,
  type StoredStatement,
  saveStatement,
  statementMatches,
  type TransferOutcome,
} from '~/commerce/astro';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { formatDateTime, formatVnd } from '~/i18n/format';
import { type Locale, localePath } from '~/i18n/locales';
import { paymentsStrings } from './payments-strings';

/** A "mark paid" form as typed, shown again beside its error. */
export interface MarkForm {
  orderNumber: string;
  amount: string;
  reference: string;
  override: boolean;
  overrideReason: string;
}

export interface StatementView extends StoredStatement {
  matches: StatementMatch[];
}

export interface PaymentsState {
  queue: AwaitedTransfer[];
  /** Cursor of the next page of the queue, and of this one. */
  next?: number;
  after?: number;
  notice?: string;
  error?: string;
  /** The error is about money that must go back: link the refunds queue. */
  refundsLink?: boolean;
  failed?: MarkForm;
  statement?: StatementView;
  /** HTTP status of the answer. */
  status: number;
  /** Where to go instead of rendering (after an upload, so a reload does not post the file again). */
  redirect?: string;
}

type Account = Principal & { kind: 'account' };

/** The multipart envelope around a statement file of the largest size accepted. */
const MAX_POST_BYTES = STATEMENT_MAX_BYTES + 64 * 1024;

const cursor = z.coerce.number().int().positive().optional().catch(undefined);

const markSchema = z.object({
  orderNumber: z.string().trim().max(40),
  amount: z.string().trim().max(40),
  reference: z.string().trim().max(300),
  override: z.string().optional(),
  overrideReason: z.string().trim().max(500).optional(),
  statement: cursor,
});

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

interface ActionResult {
  notice?: string;
  error?: string;
  refundsLink?: boolean;
  failed?: MarkForm;
  statementId?: number;
  status: number;
  redirect?: string;
}

function outcomeResult(
  outcome: TransferOutcome,
  form: MarkForm,
  amount: number,
  locale: Locale,
): ActionResult {
  const t = paymentsStrings(locale);
  const vars = {
    orderNumber: outcome.orderNumber,
    amount: formatVnd(amount, locale),
    reference: form.reference,
  };
  switch (outcome.outcome) {
    case 'paid':
      return { notice: t('paid', vars), status: 200 };
    case 'already_paid':
      return {
        notice: t('alreadyPaid', {
          ...vars,
          date: outcome.paidAt ? formatDateTime(outcome.paidAt, locale) : '',
          reference: outcome.reference ?? '',
        }),
        status: 200,
      };
    case 'paid_after_cancellation':
      return { error: t('paidAfterCancellation', vars), refundsLink: true, status: 409 };
    case 'amount_mismatch':
      return {
        error: t('amountMismatch', { ...vars, expected: formatVnd(outcome.expected, locale) }),
        failed: form,
        status: 422,
      };
    case 'not_found':
      return { error: t('notFound', vars), status: 404 };
    case 'not_bank_transfer':
      return { error: t('notBankTransfer', vars), status: 409 };
    case 'not_payable':
      return { error: t('notPayable', vars), status: 409 };
  }
}

async function markPaidAction(
  db: Database,
  form: FormData,
  locale: Locale,
  principal: Account,
): Promise<ActionResult> {
  const t = paymentsStrings(locale);
  const parsed = markSchema.safeParse({
    orderNumber: field(form, 'orderNumber') ?? '',
    amount: field(form, 'amount') ?? '',
    reference: field(form, 'reference') ?? '',
    override: field(form, 'override'),
    overrideReason: field(form, 'overrideReason'),
    statement: field(form, 'statement'),
  });
  if (!parsed.success) {
    const bad = parsed.error.issues[0]?.path[0];
    const message =
      bad === 'amount'
        ? 'errAmount'
        : bad === 'overrideReason'
          ? 'errReason'
          : bad === 'orderNumber'
            ? 'errOrderNumber'
            : 'errReference';
    return { error: t(message), status: 400 };
  }
  const input = parsed.data;
  const typed: MarkForm = {
    orderNumber: input.orderNumber,
    amount: input.amount,
    reference: input.reference,
    override: input.override !== undefined,
    overrideReason: input.overrideReason ?? '',
  };
  const invalid = (message: string): ActionResult => ({
    error: t('errorIn', { orderNumber: input.orderNumber, message }),
    failed: typed,
    status: 400,
    ...(input.statement ? { statementId: input.statement } : {}),
  });
  if (!/^CNNT-\d{6}-[A-Z0-9]{5}$/.test(input.orderNumber)) return { error: t('errOrderNumber'), status: 400 };
  const amount = parseAmount(input.amount);
  if (amount === null || amount <= 0) return invalid(t('errAmount'));
  if (input.reference === '') return invalid(t('errReference'));
  if (typed.override && typed.overrideReason === '') return invalid(t('errReason'));
  const outcome = await markTransferPaid(db, actorOf(principal), {
    orderNumber: input.orderNumber,
    amount,
    reference: input.reference,
    overrideReason: typed.override ? typed.overrideReason : undefined,
  });
  return {
    ...outcomeResult(outcome, typed, amount, locale),
    ...(input.statement ? { statementId: input.statement } : {}),
  };
}

async function uploadAction(
  db: Database,
  form: FormData,
  locale: Locale,
  principal: Account,
): Promise<ActionResult> {
  const t = paymentsStrings(locale);
  const file = form.get('statement');
  if (!(file instanceof File) || file.size === 0) return { error: t('errNoFile'), status: 400 };
  const read = await readStatementFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { error: t(`err_${read.code}`), status: read.code === 'too_large' ? 413 : 400 };
  const id = await saveStatement(db, actorOf(principal), {
    fileName: file.name.slice(0, 200),
    statement: read.statement,
  });
  return { status: 303, redirect: `${localePath(locale, '/admin/payments/')}?statement=${id}` };
}

async function act(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Account,
): Promise<ActionResult> {
  const t = paymentsStrings(locale);
  let form: FormData;
  try {
    form = await limitedFormData(request, MAX_POST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return { error: t('err_too_large'), status: 413 };
    return { error: t('errNoFile'), status: 400 };
  }
  const action = field(form, 'action');
  if (action === 'upload') return uploadAction(db, form, locale, principal);
  return markPaidAction(db, form, locale, principal);
}

export async function paymentsPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Account,
): Promise<PaymentsState> {
  const url = new URL(request.url);
  const after = cursor.parse(url.searchParams.get('after') ?? undefined);
  let result: ActionResult = { status: 200 };
  if (request.method === 'POST') {
    result = await act(db, request, locale, principal);
    if (result.redirect) return { queue: [], status: 303, redirect: result.redirect };
  }
  const statementId = result.statementId ?? cursor.parse(url.searchParams.get('statement') ?? undefined);
  const stored = statementId ? await loadStatement(db, statementId) : null;
  if (statementId && !stored && !result.error) {
    result = { ...result, error: paymentsStrings(locale)('statementNotFound'), status: 404 };
  }
  const [page, matches] = await Promise.all([
    awaitedTransfers(db, after),
    stored ? statementMatches(db, stored.statement) : Promise.resolve([]),
  ]);
  return {
    queue: page.rows,
    ...(page.next ? { next: page.next } : {}),
    ...(after ? { after } : {}),
    ...(result.notice ? { notice: result.notice } : {}),
    ...(result.error ? { error: result.error } : {}),
    ...(result.refundsLink ? { refundsLink: true } : {}),
    ...(result.failed ? { failed: result.failed } : {}),
    ...(stored ? { statement: { ...stored, matches } } : {}),
    status: result.status,
  };
}
