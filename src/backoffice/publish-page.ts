/**
 * /admin/publish/ (operators): the live build, the kept builds, the running servers and the last
 * publish's progress; "publish now" starts `npm run publish` as its own process, "roll back"
 * switches in this request. Publishing owns the builds and the switch; this reads the form,
 * audits what the person asked, and says what happened in the page's language.
 */
import { desc, like } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import { type AuditRow, appendAudit, auditLog } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { formatDateTime } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import {
  type BuildEntry,
  buildPaths,
  type InstanceState,
  listBuilds,
  liveInstances,
  PublishBusyError,
  type PublishStatus,
  processAlive,
  readPointer,
  readPublishStatus,
  rollback,
  startPublishJob,
} from '~/publishing/astro';
import { publishStrings } from './publish-strings';

export interface PublishState {
  live: string | null;
  builds: BuildEntry[];
  /** The kept build a rollback would switch to. */
  rollbackTarget: string | null;
  servers: InstanceState[];
  status: (PublishStatus & { interrupted: boolean }) | null;
  history: AuditRow[];
  notice?: string;
  error?: string;
}

const formSchema = z.object({ action: z.enum(['publish', 'rollback']) });

/** A running status whose process is gone was interrupted (killed, machine restarted). */
function withLiveness(status: PublishStatus | null) {
  if (!status) return null;
  return { ...status, interrupted: status.state === 'running' && !processAlive(status.pid) };
}

async function act(
  db: Database,
  action: 'publish' | 'rollback',
  locale: Locale,
  principal: Principal & { kind: 'account' },
): Promise<{ notice?: string; error?: string }> {
  const t = publishStrings(locale);
  const actor = actorOf(principal);
  try {
    if (action === 'publish') {
      const { pid } = await startPublishJob(principal.email);
      await db.transaction((tx) =>
        appendAudit(tx, actor, {
          action: 'site.publish.requested',
          target: { type: 'build', id: 'next' },
          after: { pid },
        }),
      );
      return { notice: t('publishStarted') };
    }
    const result = await rollback({ requestedBy: principal.email });
    await db.transaction((tx) =>
      appendAudit(tx, actor, {
        action: 'site.rollback',
        target: { type: 'build', id: result.build },
        before: { build: result.previous },
        after: result,
      }),
    );
    return {
      notice: t('rolledBack', {
        build: result.build,
        instances: String(result.instances),
        ms: String(result.switchMs),
      }),
    };
  } catch (error) {
    if (error instanceof PublishBusyError) {
      return {
        error: t('busy', {
          by: error.holder.by,
          since: formatDateTime(new Date(error.holder.since), locale),
        }),
      };
    }
    return { error: t('failed', { message: (error as Error).message }) };
  }
}

export async function publishPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
): Promise<PublishState> {
  let outcome: { notice?: string; error?: string } = {};
  if (request.method === 'POST') {
    const form = formSchema.safeParse(Object.fromEntries((await request.formData()).entries()));
    outcome = form.success
      ? await act(db, form.data.action, locale, principal)
      : { error: publishStrings(locale)('badForm') };
  }
  const paths = buildPaths();
  const [pointer, builds, servers, status, history] = await Promise.all([
    readPointer(paths.live),
    listBuilds(paths.root),
    liveInstances(paths.instances),
    readPublishStatus(paths.status),
    db.select().from(auditLog).where(like(auditLog.action, 'site.%')).orderBy(desc(auditLog.id)).limit(20),
  ]);
  const live = pointer?.build ?? null;
  return {
    live,
    builds,
    rollbackTarget: live ? (builds.find((b) => b.id < live)?.id ?? null) : null,
    servers,
    status: withLiveness(status),
    history,
    ...outcome,
  };
}
