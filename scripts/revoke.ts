/**
 * `npm run revoke -- CERTIFICATE --date yyyy-mm-dd --reason "…" [--decision "…"] [--replace] [--dry-run]`
 * `npm run revoke -- CERTIFICATE --reverse --reason "…" [--dry-run]`
 *
 * Records a revocation in content/registry/certificates.json (CONTENT_DIR), or with --reverse
 * lifts one recorded by mistake. The change goes through the admin command `registry.revoke` /
 * `registry.unrevoke` (src/server/admin-commands.ts; through the running server's admin socket
 * when it holds the embedded database), the same code as the console's certificate page: the
 * file is written atomically under the catalogue's write lock, in one transaction with its
 * audit entry and the registry history's new state. The running server shows it within a
 * second (it re-reads revocations when the file changes); static pages show it after the next
 * build, and refresh to the live status on load meanwhile. The request is first checked here,
 * so a bad one is refused without touching the database.
 * Exit status: 0 done or nothing to change, 1 bad data or request, 2 usage.
 */
import { parseArgs } from 'node:util';
import type { Certificate, Revocation } from '~/catalogue';
import { todayInVietnam } from '~/catalogue/certificate-status';
import { contentDir, readCatalogueData } from '~/catalogue/content-files';
import type { ReverseResult, RevokeResult } from '~/registry/astro';
import { runAdminCommandFromCli } from '~/server/admin-cli';
import { applyRevocation, RevokeError, reverseRevocation } from '~/verification/revoke';

const USAGE = [
  'usage: npm run revoke -- CERTIFICATE --date yyyy-mm-dd --reason "…" [--decision "…"] [--replace] [--dry-run]',
  '       npm run revoke -- CERTIFICATE --reverse --reason "…" [--dry-run]',
].join('\n');

function fail(message: string, status: number): never {
  console.error(`revoke: ${message}`);
  if (status === 2) console.error(USAGE);
  process.exit(status);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      reason: { type: 'string' },
      decision: { type: 'string' },
      replace: { type: 'boolean', default: false },
      reverse: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message, 2);
}

const [certificate, ...extra] = args.positionals;
if (!certificate || extra.length > 0) fail('name exactly one certificate (id or printed number)', 2);
const { reverse, replace, decision } = args.values;
if (reverse) {
  const wrong = (['date', 'decision', 'replace'] as const).filter((o) => args.values[o]);
  if (wrong.length > 0)
    fail(`--reverse takes only --reason (not ${wrong.map((o) => `--${o}`).join(', ')})`, 2);
} else if (!args.values.date) {
  fail('--date is required (yyyy-mm-dd, the day the revocation takes effect)', 2);
}
if (!args.values.reason) fail(`--reason is required${reverse ? ' (why the revocation is lifted)' : ''}`, 2);
const reason = args.values.reason;
const date = args.values.date ?? '';

const name = (c: Certificate) => `${c.id}${c.number ? ` (${c.number})` : ''}`;
function revokedLine(c: Certificate, replaced: Revocation | null): string {
  const when = c.revocation!.date > todayInVietnam() ? 'will be revoked from' : 'revoked on';
  return `${name(c)} ${when} ${c.revocation!.date}: ${c.revocation!.reason}${replaced ? ` (replaces the revocation of ${replaced.date})` : ''}`;
}
const reversedLine = (c: Certificate, reversed: Revocation, why: string) =>
  `${name(c)}: the revocation of ${reversed.date} (${reversed.reason}) is lifted: ${why}`;

const dir = contentDir();
let data: Awaited<ReturnType<typeof readCatalogueData>>;
try {
  data = await readCatalogueData(dir);
} catch (error) {
  fail(`cannot read the register in ${dir}: ${(error as Error).message}`, 1);
}

// Checked here first (the same pure functions the command runs again under the lock), so a
// bad request or a repeat answers at once and opens no database.
try {
  if (reverse) {
    const outcome = reverseRevocation(data.certificates, { certificate, reason });
    if (outcome.kind === 'unchanged') {
      console.log(`${outcome.certificate.id} is not revoked; nothing changed.`);
      process.exit(0);
    }
    if (args.values['dry-run']) {
      console.log(
        `Dry run, nothing written: ${reversedLine(outcome.certificate, outcome.reversed, outcome.reason)}`,
      );
      process.exit(0);
    }
  } else {
    const outcome = applyRevocation(data.certificates, { certificate, date, reason, decision, replace });
    if (outcome.kind === 'unchanged') {
      console.log(`${outcome.certificate.id} already has this revocation; nothing changed.`);
      process.exit(0);
    }
    if (args.values['dry-run']) {
      console.log(`Dry run, nothing written: ${revokedLine(outcome.certificate, outcome.replaced)}`);
      process.exit(0);
    }
  }
} catch (error) {
  if (error instanceof RevokeError) fail(error.message, 1);
  throw error;
}

try {
  if (reverse) {
    const done = (await runAdminCommandFromCli('registry.unrevoke', {
      certificate,
      reason,
    })) as ReverseResult;
    if (done.kind === 'unchanged') {
      console.log(`${done.certificate.id} is not revoked; nothing changed.`);
      process.exit(0);
    }
    console.log(reversedLine(done.certificate, done.reversed, done.reason));
    console.log(`Recorded in the audit log and the registry history (state ${done.stateId}).`);
  } else {
    const done = (await runAdminCommandFromCli('registry.revoke', {
      certificate,
      date,
      reason,
      ...(decision !== undefined && { decision }),
      replace,
    })) as RevokeResult;
    if (done.kind === 'unchanged') {
      console.log(`${done.certificate.id} already has this revocation; nothing changed.`);
      process.exit(0);
    }
    console.log(revokedLine(done.certificate, done.replaced));
    console.log(`Recorded in the audit log and the registry history (state ${done.stateId}).`);
  }
  console.log(
    'The running server shows it within a second; rebuild (npm run build) to update the static pages.',
  );
} catch (error) {
  fail((error as Error).message, 1);
}
