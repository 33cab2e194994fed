/**
 * /admin/registry/import/ and /admin/registry/import/{id}/ (operators): upload a list, read
 * every problem of it (`ROW: COLUMN: message` in the page's language) or review its staged
 * import (the diff, the facilities the identity rule merges), then apply or discard it. The
 * registry capability owns the engine, the staging and the writing order; this reads the
 * posts, calls it and words the outcome.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import { problemLine } from '~/catalogue/astro';
import type { AuditRow } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { type Locale, localePath } from '~/i18n/locales';
import {
  type ApplyOutcome,
  applyStagedImport,
  checkUpload,
  discardStagedImport,
  IMPORT_MAX_BYTES,
  type ImportDiffReview,
  type ImportInfo,
  type ImportStatus,
  recentImports,
  reviewImport,
  STAGED_IMPORT_TTL_MS,
  stageImport,
  type UploadRefusal,
} from '~/registry/astro';
import { auditPage } from './audit-page';
import { registryImportStrings } from './registry-import-strings';

type Account = Principal & { kind: 'account' };

/** The multipart envelope around a list of the largest size accepted. */
const MAX_POST_BYTES = IMPORT_MAX_BYTES + 64 * 1024;
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);

const importPath = (locale: Locale, id?: number) =>
  localePath(locale, id === undefined ? '/admin/registry/import/' : `/admin/registry/import/${id}/`);

export interface ImportUploadState {
  recent: ImportInfo[];
  error?: string;
  /** The file's problems, each `ROW: COLUMN: message` in the page's language. */
  problems?: { fileName: string; lines: string[] };
  status: number;
  /** Where to go instead of rendering: the staged import's review. */
  redirect?: string;
}

function refusalText(refusal: UploadRefusal | 'form', locale: Locale): string {
  const t = registryImportStrings(locale);
  return refusal === 'form' ? t('err_form') : t(`err_${refusal}`, { max: IMPORT_MAX_MB });
}

async function upload(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Account,
  dir: string,
): Promise<Omit<ImportUploadState, 'recent'>> {
  let form: FormData;
  try {
    form = await limitedFormData(request, MAX_POST_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return { error: refusalText('too_large', locale), status: 413 };
    return { error: refusalText('form', locale), status: 400 };
  }
  const file = form.get('file');
  if (!(file instanceof File)) return { error: refusalText('no_file', locale), status: 400 };
  const checked = checkUpload(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!checked.ok)
    return {
      error: refusalText(checked.refusal, locale),
      status: checked.refusal === 'too_large' ? 413 : 400,
    };
  const staged = await stageImport(db, actorOf(principal), checked.list, { dir });
  if (staged.kind === 'staged') return { status: 303, redirect: importPath(locale, staged.id) };
  return {
    problems: { fileName: staged.fileName, lines: staged.problems.map((p) => problemLine(p, locale)) },
    status: 422,
  };
}

/** GET: the upload form and the recent imports; POST: check the file and stage it. */
export async function registryImportPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Account,
  options: { dir: string },
): Promise<ImportUploadState> {
  const result =
    request.method === 'POST' ? await upload(db, request, locale, principal, options.dir) : { status: 200 };
  if ('redirect' in result && result.redirect) return { recent: [], status: 303, redirect: result.redirect };
  return { ...result, recent: await recentImports(db) };
}

export interface ImportReviewState {
  info: ImportInfo;
  status: ImportStatus;
  review?: ImportDiffReview;
  /** The audit entries of this import, oldest first. */
  history: AuditRow[];
  notice?: string;
  error?: string;
  /** Hours a staged import stays open, for the "expired" notice. */
  ttlHours: number;
}

export type ImportReviewOutcome =
  | { kind: 'page'; state: ImportReviewState; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' };

const formSchema = z.object({ action: z.enum(['apply', 'discard']) });

function applyError(outcome: Exclude<ApplyOutcome, { kind: 'applied' }>, locale: Locale): string {
  const t = registryImportStrings(locale);
  return outcome.kind === 'not_found' ? t('err_form') : t(`err_${outcome.kind}`);
}

/**
 * GET shows staged import `id` (its diff while it can be applied); POST applies or discards
 * it and redirects back, so a reload never posts twice.
 */
export async function registryImportReviewState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Account,
  id: number,
  options: { dir: string },
): Promise<ImportReviewOutcome> {
  const t = registryImportStrings(locale);
  let error: string | undefined;
  let status = 200;
  if (request.method === 'POST') {
    const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    const form = formSchema.safeParse(raw);
    const here = importPath(locale, id);
    if (!form.success) {
      error = t('err_form');
      status = 400;
    } else if (form.data.action === 'apply') {
      const applied = await applyStagedImport(db, actorOf(principal), id, { dir: options.dir });
      if (applied.kind === 'applied') return { kind: 'redirect', location: `${here}?done=applied` };
      if (applied.kind === 'not_found') return { kind: 'not_found' };
      error = applyError(applied, locale);
      status = applied.kind === 'busy' ? 503 : 409;
    } else {
      const discarded = await discardStagedImport(db, actorOf(principal), id);
      if (discarded === 'not_found') return { kind: 'not_found' };
      if (discarded === 'discarded') return { kind: 'redirect', location: `${here}?done=discarded` };
      error = t('err_decided');
      status = 409;
    }
  }
  const reviewed = await reviewImport(db, id, { dir: options.dir });
  if (reviewed.kind === 'not_found') return { kind: 'not_found' };
  const audit = await auditPage(db, { targetType: 'registry_import', targetId: String(id) });
  const done = new URL(request.url).searchParams.get('done');
  const notice =
    request.method === 'GET' && done === 'applied' && reviewed.status === 'applied'
      ? t('applied')
      : request.method === 'GET' && done === 'discarded' && reviewed.status === 'discarded'
        ? t('discarded')
        : undefined;
  const state: ImportReviewState = {
    info: reviewed.info,
    status: reviewed.status,
    ...(reviewed.review ? { review: reviewed.review } : {}),
    history: [...audit.rows].reverse(),
    ...(notice ? { notice } : {}),
    ...(error ? { error } : {}),
    ttlHours: STAGED_IMPORT_TTL_MS / 3_600_000,
  };
  return { kind: 'page', state, status };
}
