/**
 * Development secrets: created on first use under DATA_DIR/secrets (never committed, the
 * folder is gitignored) so a fresh clone works without configuration.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '~/config/env';

export function localSecret(
  name: string,
  create: () => string = () => randomBytes(32).toString('base64url'),
): string {
  const dir = path.join(dataDir(), 'secrets');
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const value = create();
  // "wx" fails if another process created it meanwhile; then read theirs.
  try {
    writeFileSync(file, `${value}\n`, { flag: 'wx', mode: 0o600 });
    return value;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
