/**
 * `npm run revoke -- CERTIFICATE --date yyyy-mm-dd --reason "…" [--decision "…"] [--replace] [--dry-run]`
 *
 * Records a revocation in content/registry/certificates.json (CONTENT_DIR), written
 * atomically, holding the catalogue's write lock (a concurrent revoke or import waits). The running server shows it within a second (it re-reads revocations when the
 * file changes); static pages show it after the next build, and refresh to the live status
 * on load meanwhile. Exit status: 0 done or nothing to change, 1 bad data or request, 2 usage.
 */
import { parseArgs } from 'node:util';
import { todayInVietnam } from '~/catalogue/certificate-status';
import { contentDir, readCatalogueData, writeCollections } from '~/catalogue/content-files';
import { withContentLock } from '~/catalogue/content-lock';
import { applyRevocation, RevokeError } from '~/verification/revoke';

const USAGE =
  'usage: npm run revoke -- CERTIFICATE --date yyyy-mm-dd --reason "…" [--decision "…"] [--replace] [--dry-run]';

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
if (!args.values.date) fail('--date is required (yyyy-mm-dd, the day the revocation takes effect)', 2);
if (!args.values.reason) fail('--reason is required', 2);
// Narrowed here: the checks above do not carry into the callback below.
const date = args.values.date;
const reason = args.values.reason;
const { decision, replace } = args.values;

const dir = contentDir();
try {
  // Read, change and write under the catalogue's write lock: a concurrent revoke or import
  // waits instead of overwriting this change with its older copy.
  await withContentLock(
    dir,
    async () => {
      const data = await readCatalogueData(dir);
      const outcome = applyRevocation(data.certificates, {
        certificate,
        date,
        reason,
        decision,
        replace,
      });
      if (outcome.kind === 'unchanged') {
        console.log(`${outcome.certificate.id} already has this revocation; nothing changed.`);
        process.exit(0);
      }
      const { certificate: c, replaced } = outcome;
      const when = c.revocation!.date > todayInVietnam() ? 'will be revoked from' : 'revoked on';
      const summary = `${c.id}${c.number ? ` (${c.number})` : ''} ${when} ${c.revocation!.date}: ${c.revocation!.reason}${replaced ? ` (replaces the revocation of ${replaced.date})` : ''}`;
      if (args.values['dry-run']) {
        console.log(`Dry run, nothing written: ${summary}`);
        process.exit(0);
      }
      await writeCollections(dir, { certificates: outcome.certificates });
      console.log(summary);
      console.log(
        'The running server shows it within a second; rebuild (npm run build) to update the static pages.',
      );
    },
    { onWait: (message) => console.error(`revoke: ${message}`) },
  );
} catch (error) {
  if (error instanceof RevokeError) fail(error.message, 1);
  fail(`cannot read or write the register in ${dir}: ${(error as Error).message}`, 1);
}
