/**
 * The site a server process serves, switchable while it runs. A publish writes next.json (load
 * and warm this build) and then live.json (serve it): each server imports the new build's
 * server entry beside the old one, warms it, and on the pointer flips one reference. A request
 * takes the site current when it arrives and finishes on it, so static files and on-demand
 * routes of one request always come from one build, and nothing is torn down under it.
 *
 * Why in-process and not a restart behind a proxy: the embedded database (PGlite) can only be
 * open in one process, so two servers cannot overlap; and a restart drops the warm search index.
 * The cost: Node cannot unload modules, so each build loaded stays in memory until the process
 * restarts (the README gives the figure per publish).
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildPaths } from './builds-dir';
import { type InstanceState, writeInstance } from './instances';
import { readPointer } from './pointer-files';

/** One loaded build: the request handler of its server entry and its response headers. */
export interface LoadedSite<H> {
  /** The build id, or null for the plain dist/ of `npm run build`. */
  id: string | null;
  dir: string;
  handler: H;
  headers: Record<string, string>;
}

export interface LiveSiteOptions<H> {
  /** Imports a build's server entry and reads its CSP hashes. */
  load(dir: string, id: string | null): Promise<LoadedSite<H>>;
  /** Makes the loaded site answer real requests once (search index, catalogue, pages) before it serves. */
  warm(site: LoadedSite<H>): Promise<void>;
  /** The server's own address, for the instance file. */
  url: () => string;
  log: (message: string, fields?: Record<string, unknown>) => void;
  root?: string;
  /** How often the pointers are checked when file watching misses an event. */
  pollMs?: number;
}

/** Which build to serve at start: the live published one when it exists, else dist/. */
export async function initialBuild(
  root = buildPaths().root,
  fallbackDir = path.resolve('dist'),
): Promise<{ id: string | null; dir: string }> {
  const pointer = await readPointer(buildPaths(root).live);
  if (pointer) {
    const dir = buildPaths(root).build(pointer.build);
    if (existsSync(path.join(dir, 'server', 'entry.mjs'))) return { id: pointer.build, dir };
  }
  return { id: null, dir: fallbackDir };
}

export class LiveSite<H> {
  private current!: LoadedSite<H>;
  private readonly loaded = new Map<string, Promise<LoadedSite<H>>>();
  private watcher: FSWatcher | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking = false;
  private again = false;
  private seen = { next: '', live: '' };
  private state: InstanceState;
  private readonly paths;

  constructor(private readonly options: LiveSiteOptions<H>) {
    this.paths = buildPaths(options.root);
    this.state = { pid: process.pid, url: '', build: null, ready: null, failed: null, switchedAt: null };
  }

  /** The site a request that arrives now is served by. */
  get site(): LoadedSite<H> {
    return this.current;
  }

  /** A loaded site by build id (warm-up requests are routed to the candidate with it). */
  candidate(id: string): LoadedSite<H> | undefined {
    return this.candidates.get(id);
  }
  private readonly candidates = new Map<string, LoadedSite<H>>();

  async start(initial: { id: string | null; dir: string }): Promise<void> {
    this.current = await this.options.load(initial.dir, initial.id);
    if (initial.id) this.remember(this.current);
    // The pointers' versions now: only later changes trigger a switch.
    this.seen = { next: await this.version(this.paths.next), live: await this.version(this.paths.live) };
  }

  /** Announces this server and follows the pointers (call once the server listens). */
  async follow(): Promise<void> {
    this.state = { ...this.state, url: this.options.url(), build: this.current.id };
    await writeInstance(this.paths.instances, this.state);
    try {
      // Events are immediate; the poll catches what a watcher misses (renames on some file systems).
      this.watcher = watch(this.paths.root, () => void this.check());
      this.watcher.on('error', () => undefined);
    } catch {
      // No builds folder yet: the poll finds it when a first publish makes it.
    }
    this.timer = setInterval(() => void this.check(), this.options.pollMs ?? 250);
    this.timer.unref();
    await this.check();
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    const { rm } = await import('node:fs/promises');
    await rm(path.join(this.paths.instances, `${process.pid}.json`), { force: true });
  }

  private async version(file: string): Promise<string> {
    try {
      const s = await stat(file);
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return '-';
    }
  }

  /** Re-reads the pointers when they changed; runs one at a time, again if asked meanwhile. */
  private async check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.again = false;
        if (!this.watcher && existsSync(this.paths.root)) {
          try {
            this.watcher = watch(this.paths.root, () => void this.check());
            this.watcher.on('error', () => undefined);
          } catch {
            // keep polling
          }
        }
        const next = await this.version(this.paths.next);
        if (next !== this.seen.next) {
          this.seen.next = next;
          const pointer = await readPointer(this.paths.next);
          if (pointer) await this.prepare(pointer.build);
        }
        const live = await this.version(this.paths.live);
        if (live !== this.seen.live) {
          this.seen.live = live;
          const pointer = await readPointer(this.paths.live);
          if (pointer && pointer.build !== this.current.id) await this.switchTo(pointer.build);
        }
      } while (this.again);
    } finally {
      this.checking = false;
    }
  }

  private remember(site: LoadedSite<H>): void {
    if (site.id) {
      this.candidates.set(site.id, site);
      this.loaded.set(site.id, Promise.resolve(site));
    }
  }

  /** Loads and warms a build once; later calls for the same id share the work. */
  private ensure(id: string): Promise<LoadedSite<H>> {
    let pending = this.loaded.get(id);
    if (!pending) {
      pending = (async () => {
        const started = performance.now();
        const site = await this.options.load(this.paths.build(id), id);
        this.candidates.set(id, site);
        await this.options.warm(site);
        this.options.log('build loaded and warmed', {
          build: id,
          ms: Math.round(performance.now() - started),
        });
        return site;
      })();
      // A failed load may be retried by the next pointer change.
      pending.catch(() => {
        this.loaded.delete(id);
        this.candidates.delete(id);
      });
      this.loaded.set(id, pending);
    }
    return pending;
  }

  private async prepare(id: string): Promise<void> {
    try {
      await this.ensure(id);
      await this.announce({ ready: id, failed: null });
    } catch (error) {
      this.options.log('build could not be loaded', { build: id, err: String(error) });
      await this.announce({ failed: { build: id, message: (error as Error).message } });
    }
  }

  private async switchTo(id: string): Promise<void> {
    let site: LoadedSite<H>;
    try {
      site = await this.ensure(id);
    } catch (error) {
      // Keep serving what works: a build that cannot load never replaces one that does.
      this.options.log('build could not be loaded; still serving the previous one', {
        build: id,
        err: String(error),
      });
      await this.announce({ failed: { build: id, message: (error as Error).message } });
      return;
    }
    const from = this.current.id;
    this.current = site;
    this.forgetAllBut(new Set([id, from ?? '']));
    await this.announce({ build: id, switchedAt: new Date().toISOString(), failed: null });
    this.options.log('switched build', { from, to: id });
  }

  /** Drops references to builds that are neither live nor the one before (their folders may be deleted). */
  private forgetAllBut(keep: ReadonlySet<string>): void {
    for (const id of [...this.candidates.keys()]) {
      if (!keep.has(id)) {
        this.candidates.delete(id);
        this.loaded.delete(id);
      }
    }
  }

  private async announce(change: Partial<InstanceState>): Promise<void> {
    this.state = { ...this.state, ...change };
    await writeInstance(this.paths.instances, this.state);
  }
}
