/**
 * /admin/registry/ and /admin/registry/states/{id}/ (operators): the registry's history (its
 * recorded states and the site's publishes) and one state, with "restore this state": a preview
 * of the diff from the current files, then a POST carrying the sha of the files the preview was
 * computed on, refused if they changed since. The registry capability owns the history, the
 * restore and its writing order; this parses the address and the forms and words the outcome.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import type { AuditRow } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { limitedFormData } from '~/http/limited-form';
import { type Locale, localePath } from '~/i18n/locales';
import {
  auditOfState,
  filesOfState,
  type HistoryPage,
  parseHistoryCursor,
  previewRestore,
  type RegistryStateRow,
  type RestorePreview,
  readRegistryFiles,
  registryDrift,
  registryHistoryPage,
  restoreRegistryState,
  shasOf,
  stateById,
} from '~/registry/astro';
import { registryHistoryStrings } from './registry-history-strings';

type Account = Principal & { kind: 'account' };

export const historyPath = (locale: Locale) => localePath(locale, '/admin/registry/');
export const statePath = (locale: Locale, id: number) => localePath(locale, `/admin/registry/states/${id}/`);

export interface RegistryHistoryState {
  page: HistoryPage;
  /** The href of the next (older) page. */
  nextHref?: string;
  /** No state recorded yet, or the files differ from the last recorded one (its id). */
  drift: { kind: 'none' } | { kind: 'empty' } | { kind: 'drifted'; latestId: number };
  /** A restore just applied: the new state's id. */
  restoredId?: number;
}

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export async function registryHistoryState(
  db: Database,
  url: URL,
  locale: Locale,
  options: { dir: string },
): Promise<RegistryHistoryState> {
  const after = parseHistoryCursor(url.searchParams.get('after') ?? undefined);
  const [page, drift] = await Promise.all([
    registryHistoryPage(db, { after }),
    registryDrift(db, await readRegistryFiles(options.dir)),
  ]);
  const restored = idParam.safeParse(url.searchParams.get('restored'));
  return {
    page,
    ...(page.next ? { nextHref: `${historyPath(locale)}?after=${encodeURIComponent(page.next)}` } : {}),
    drift: !drift.latest
      ? { kind: 'empty' }
      : drift.drifted
        ? { kind: 'drifted', latestId: drift.latest.id }
        : { kind: 'none' },
    ...(restored.success ? { restoredId: restored.data } : {}),
  };
}

export interface StateCounts {
  facilities: number;
  products: number;
  certificates: number;
  revoked: number;
}

export interface RegistryStateView {
  state: RegistryStateRow;
  counts: StateCounts;
  /** The registry files on disk are exactly this state. */
  isCurrent: boolean;
  audit: AuditRow[];
  /** Shown after "preview", and again with the error when an apply was refused. */
  preview?: Exclude<RestorePreview, { kind: 'not_found' }>;
  error?: string;
}

export type RegistryStateOutcome =
  | { kind: 'page'; view: RegistryStateView; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' };

const formSchema = z.object({
  action: z.literal('restore'),
  base: z.string().regex(/^[0-9a-f]{64}$/),
});

async function countsOf(db: Database, state: RegistryStateRow): Promise<StateCounts> {
  const files = await filesOfState(db, state);
  const certificates = JSON.parse(files.certificates) as { revocation?: unknown }[];
  return {
    facilities: (JSON.parse(files.facilities) as unknown[]).length,
    products: (JSON.parse(files.products) as unknown[]).length,
    certificates: certificates.length,
    revoked: certificates.filter((c) => c.revocation !== undefined).length,
  };
}

/**
 * GET shows state `id` (with the restore preview when asked, `?preview=1`); POST applies the
 * restore and redirects to the history, where the new 'restore' entry is on top.
 */
export async function registryStatePageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Account,
  id: number,
  options: { dir: string },
): Promise<RegistryStateOutcome> {
  const t = registryHistoryStrings(locale);
  let error: string | undefined;
  let status = 200;
  let showPreview = new URL(request.url).searchParams.get('preview') === '1';
  if (request.method === 'POST') {
    let raw: Record<string, string> = {};
    try {
      raw = Object.fromEntries(
        [...(await limitedFormData(request, 8 * 1024)).entries()].map(([k, v]) => [k, String(v)]),
      );
    } catch {
      // An oversized or malformed body is a bad form like any other.
    }
    const form = formSchema.safeParse(raw);
    if (!form.success) {
      error = t('err_form');
      status = 400;
    } else {
      const result = await restoreRegistryState(
        db,
        actorOf(principal),
        { stateId: id, baseSha: form.data.base },
        { dir: options.dir },
      );
      if (result.kind === 'not_found') return { kind: 'not_found' };
      if (result.kind === 'restored') {
        return { kind: 'redirect', location: `${historyPath(locale)}?restored=${result.stateId}` };
      }
      showPreview = true;
      if (result.kind === 'invalid') {
        error = t('err_invalid', { message: result.message });
        status = 422;
      } else {
        error = t(`err_${result.kind}`);
        status = result.kind === 'busy' ? 503 : 409;
      }
    }
  }
  const preview = showPreview ? await previewRestore(db, id, { dir: options.dir }) : undefined;
  if (preview?.kind === 'not_found') return { kind: 'not_found' };
  const state = preview?.state ?? (await stateById(db, id));
  if (!state) return { kind: 'not_found' };
  const [counts, audit, current] = await Promise.all([
    countsOf(db, state),
    auditOfState(db, id),
    readRegistryFiles(options.dir),
  ]);
  const now = shasOf(current);
  const isCurrent =
    now.facilities === state.facilitiesSha &&
    now.products === state.productsSha &&
    now.certificates === state.certificatesSha;
  const view: RegistryStateView = {
    state,
    counts,
    isCurrent,
    audit,
    ...(preview ? { preview } : {}),
    ...(error ? { error } : {}),
  };
  return { kind: 'page', view, status };
}
