/**
 * "Publish now" as an operator presses it: the console's own page logic (publishPageState with
 * a POST) starts `npm run publish` as its own process; this waits for the status file to say
 * done and checks the audit log names the operator. For the publish bench, so the console's
 * path runs a real build and switch, not only the command.
 */
import { and, eq } from 'drizzle-orm';
import { inviteAccount } from '~/accounts/astro';
import { publishPageState } from '~/backoffice/astro';
import { auditLog, commandActor } from '~/db/audit-log';
import { openDatabase } from '~/db/client';
import { buildPaths, processAlive, readPublishStatus } from '~/publishing/astro';

export async function publishFromConsole(env: {
  BUILDS_DIR: string;
  DATABASE_URL: string;
  DATA_DIR: string;
}): Promise<{ seconds: number; build: string; auditedAs: string }> {
  // The console runs inside a server whose configuration the publish process inherits.
  Object.assign(process.env, env);
  const handle = await openDatabase({ url: env.DATABASE_URL });
  try {
    const email = `bench-operator-${process.pid}@example.vn`;
    const made = await inviteAccount(handle.db, commandActor('bench'), { email, role: 'operator' });
    const principal = {
      kind: 'account' as const,
      userId: made.userId,
      email,
      role: 'operator' as const,
      twoFactorEnabled: true,
      facilityIds: [],
    };
    const started = performance.now();
    const request = new Request('http://localhost/admin/publish/', {
      method: 'POST',
      body: new URLSearchParams({ action: 'publish' }),
    });
    const state = await publishPageState(handle.db, request, 'en', principal);
    if (state.error) throw new Error(`the console refused to publish: ${state.error}`);
    const statusFile = buildPaths().status;
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const status = await readPublishStatus(statusFile);
      if (status?.state === 'failed') throw new Error(`the console's publish failed: ${status.message}`);
      if (status?.state === 'done' && status.build) {
        const seconds = (performance.now() - started) / 1000;
        // The command records its switch after writing "done": wait for the entry.
        for (let i = 0; i < 40; i++) {
          const [entry] = await handle.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, 'site.publish'), eq(auditLog.targetId, status.build)));
          if (entry) return { seconds, build: status.build, auditedAs: entry.actorLabel };
          await new Promise((r) => setTimeout(r, 250));
        }
        throw new Error(`no site.publish audit entry for ${status.build}`);
      }
      if (status && status.state === 'running' && !processAlive(status.pid))
        throw new Error("the console's publish process stopped without finishing");
    }
  } finally {
    await handle.close();
  }
}
