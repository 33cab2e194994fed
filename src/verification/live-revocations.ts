/**
 * Revocations read at request time, so `npm run revoke` (or an edit of the data file) shows
 * on the live status without a rebuild.
 *
 * Why the file and not the database: content/registry/certificates.json is the register's
 * single source of truth, reviewed in git and read by the next build; a second copy in the
 * database could disagree with it. The server re-reads the file only when its modification
 * time or size changes, and checks that at most once per `checkEveryMs`, so the hot path costs
 * one Map lookup. Only revocations are taken from the file: a new certificate needs its pages,
 * which come with a build. Without the file (a deployment that ships only dist/) the
 * build-time data stands.
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { Catalogue, type Revocation, revocationSchema } from '~/catalogue';

/** Only the fields this needs, so an unrelated problem elsewhere in a record does not hide a revocation. */
const revocationsFile = z.array(
  z.object({ id: z.string(), revocation: revocationSchema.optional() }).passthrough(),
);

export type RevocationMap = ReadonlyMap<string, Revocation | undefined>;

export class LiveRevocations {
  private version = '';
  /** A version that failed to parse, so it is reported once rather than every second. */
  private rejected = '';
  private revocations: RevocationMap | null = null;
  private lastCheck = -Infinity;
  private pending: Promise<void> | undefined;
  private readonly overlaid = new WeakMap<Catalogue, { version: string; catalogue: Catalogue }>();

  constructor(
    private readonly file: string,
    private readonly checkEveryMs = 1000,
    private readonly now: () => number = Date.now,
    private readonly warn: (message: string) => void = console.warn,
  ) {}

  /** The base catalogue with the file's current revocations applied (cached per file version). */
  async apply(base: Catalogue): Promise<Catalogue> {
    await this.refresh();
    const revocations = this.revocations;
    if (!revocations) return base;
    const hit = this.overlaid.get(base);
    if (hit?.version === this.version) return hit.catalogue;
    const catalogue = withRevocations(base, revocations);
    this.overlaid.set(base, { version: this.version, catalogue });
    return catalogue;
  }

  private refresh(): Promise<void> {
    if (this.now() - this.lastCheck < this.checkEveryMs) return Promise.resolve();
    this.pending ??= this.reload().finally(() => {
      this.lastCheck = this.now();
      this.pending = undefined;
    });
    return this.pending;
  }

  private async reload(): Promise<void> {
    let version: string;
    try {
      const s = await stat(this.file);
      version = `${s.mtimeMs}:${s.size}`;
    } catch {
      this.revocations = null;
      this.version = '';
      return;
    }
    if (version === this.version || version === this.rejected) return;
    try {
      const parsed = revocationsFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
      this.revocations = new Map(parsed.data.map((c) => [c.id, c.revocation]));
      this.version = version;
    } catch (error) {
      // Keep the last good revocations: a broken file must not un-revoke anything.
      this.rejected = version;
      this.warn(`${this.file}: revocations not reloaded: ${(error as Error).message}`);
    }
  }
}

/**
 * A catalogue whose certificates carry the given revocations (added, changed or removed);
 * certificates the map does not mention keep theirs.
 */
export function withRevocations(base: Catalogue, revocations: RevocationMap): Catalogue {
  let changed = false;
  const certificates = base.data.certificates.map((c) => {
    if (!revocations.has(c.id)) return c;
    const next = revocations.get(c.id);
    if (sameRevocation(c.revocation, next)) return c;
    changed = true;
    const { revocation: _previous, ...rest } = c;
    return next ? { ...rest, revocation: next } : rest;
  });
  return changed ? new Catalogue({ ...base.data, certificates }, base.origin) : base;
}

function sameRevocation(a: Revocation | undefined, b: Revocation | undefined): boolean {
  return a?.date === b?.date && a?.reason === b?.reason && a?.decision === b?.decision;
}
