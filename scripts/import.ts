/**
 * `npm run import -- FILE [--dry-run]`: imports an operator's list (CSV or XLSX, one row per
 * certificate; docs/import-format.md) into the catalogue under CONTENT_DIR
 * (default ./content). Prints added / updated / unchanged counts. An import that changes the
 * registry is recorded in the audit log and the registry's history: it runs as the
 * `registry.import` admin command, through the running server's admin socket when the server
 * holds the embedded database (src/server/admin-cli.ts).
 * Exit status: 0 done, 1 invalid input (every problem listed, nothing written), 2 usage error.
 */
import path from 'node:path';
import { formatSummary, importFormat, UsageError } from '~/catalogue/import/index';
import type { FileImportResult } from '~/registry/astro';
import { runAdminCommandFromCli } from '~/server/admin-cli';
import { AdminCommandError } from '~/server/admin-commands';

const USAGE = `usage: npm run import -- FILE [--dry-run]

  FILE        a .csv (UTF-8, comma or semicolon separated) or .xlsx list, one row per certificate
  --dry-run   check and show what would change, write nothing

The catalogue is read from and written to CONTENT_DIR (default ./content); a change is
recorded in the audit log and the registry's history (the database: DATABASE_URL, or the
embedded one under DATA_DIR, through the running server when it holds it).`;

function usage(message?: string): never {
  if (message) console.error(`import: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--dry-run');
  if (unknown.length > 0) usage(`unknown option ${unknown.join(', ')}`);
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0) usage('no file given');
  if (files.length > 1) usage('give one file at a time');
  const dryRun = args.includes('--dry-run');
  const file = files[0]!;

  let outcome: FileImportResult;
  try {
    importFormat(file); // a wrong type or a missing file is told before the database opens
    outcome = (await runAdminCommandFromCli('registry.import', {
      file: path.resolve(file),
      label: file,
      dryRun,
    })) as FileImportResult;
  } catch (error) {
    if (error instanceof UsageError) usage(error.message);
    if (error instanceof AdminCommandError && error.code === 'invalid_args') usage(error.message);
    throw error;
  }
  if (!outcome.ok) {
    for (const line of outcome.problems) console.error(line);
    const n = outcome.problems.length;
    console.error(`\n${n} problem${n === 1 ? '' : 's'} in ${file}; nothing was written.`);
    process.exit(1);
  }
  const dir = outcome.contentDir;
  console.log(`Import of ${file} into ${dir}${dryRun ? ' (dry run: nothing written)' : ''}`);
  console.log(formatSummary(outcome.summary!));
  if (outcome.ignoredColumns.length > 0) console.log(`Columns ignored: ${outcome.ignoredColumns.join(', ')}`);
  if (outcome.changedFiles.length === 0) console.log('No file changed.');
  else console.log(`${dryRun ? 'Would rewrite' : 'Rewrote'}: ${outcome.changedFiles.join(', ')}`);
  if (outcome.stateId !== null)
    console.log(`Recorded in the audit log and the registry history (state ${outcome.stateId}).`);
}

main().catch((error: unknown) => {
  console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
