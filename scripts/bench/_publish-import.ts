/**
 * The console's import of an operator's list, timed: a list of N rows checked, merged, diffed
 * against the default catalogue and staged for review (the work behind the upload form), on an
 * embedded database in memory and a copy of the catalogue files.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTENT_FILES, contentDir } from '~/catalogue/content-files';
import { openDatabase } from '~/db/client';
import { checkUpload, stageImport } from '~/registry/astro';
import { generatedImportList } from '../lib/import-list';

export interface ImportTiming {
  rows: number;
  seconds: number;
  facilitiesChanged: number;
  certificatesAdded: number;
  mergedFacilities: number;
}

export async function timeRegistryImport(rows: number): Promise<ImportTiming> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  try {
    for (const file of Object.values(CONTENT_FILES)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      cpSync(path.join(contentDir(), file), path.join(dir, file));
    }
    const upload = checkUpload(`${rows}-rows.csv`, new TextEncoder().encode(generatedImportList(dir, rows)));
    if (!upload.ok) throw new Error(`the generated list was refused: ${upload.refusal}`);
    const actor = { kind: 'command' as const, id: null, label: 'npm run bench', role: 'command' };
    const started = performance.now();
    const staged = await stageImport(handle.db, actor, upload.list, { dir });
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    if (staged.kind !== 'staged')
      throw new Error(`the generated list has problems: ${staged.problems[0]?.message}`);
    const { diff, merged } = staged.review;
    return {
      rows,
      seconds,
      facilitiesChanged: diff.facilities.changed.length,
      certificatesAdded: diff.certificates.added.length,
      mergedFacilities: merged.length,
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
