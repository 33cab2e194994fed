/**
 * Search that follows the catalogue the server sells from (the listings facilities save, live
 * revocations) without a rebuild, on either backend: the embedded engine updates the changed
 * products' documents in place, Meilisearch is sent them.
 *
 * The backend keeps answering while its documents catch up. A search asks for the live
 * catalogue (cheap: its overlays re-check their sources at most once a second) and, when that
 * is a new Catalogue, starts an update and waits for it at most `waitMs`: a few products take
 * a few milliseconds, so a save shows in the next search; a long update (a new day changes
 * statuses: every document is rebuilt, 0.5–1.3 s on the default sample, a chunk at a time)
 * never holds searches up, they get the current results meanwhile. One update runs at a
 * time; catalogues that arrive meanwhile make one more update, to the newest. While searches
 * come, the catalogue is also checked every `checkEveryMs` between them (until `followForMs`
 * after the last one), so a shared Meilisearch index is sent a save before anyone searches for
 * it, and a build no longer served stops asking.
 */
import type { Catalogue } from '~/catalogue';
import { type DocumentChanges, documentChanges, nextTurn, touchedProducts } from './catalogue-changes';
import type { SearchDocument } from './documents';
import type { SearchEngine, SearchQuery, SearchResult } from './types';

/** What the backend holds: the documents of `catalogue` as of `asOf`. */
export interface IndexedState {
  catalogue: Catalogue;
  asOf: string;
  documents: Iterable<SearchDocument>;
}

export interface UpdateReport {
  upserts: number;
  removed: number;
  ms: number;
}

export interface LiveSearchOptions {
  /** The backend that answers searches. */
  engine: SearchEngine;
  /** What the backend holds at start (the catalogue it was built or synced from). */
  indexed: () => Promise<IndexedState>;
  /** The catalogue to follow (a new object whenever it changed). */
  catalogue: () => Promise<Catalogue>;
  /** Today in Vietnam (yyyy-mm-dd): certificate statuses are as of it. */
  today: () => string;
  /** Makes the backend hold one batch of changes; throws to have them sent again later. */
  apply: (changes: DocumentChanges) => Promise<void> | void;
  /**
   * Documents per `apply`, with other work let through between batches (default 50: the
   * embedded engine re-indexes a document whose text changed in about 0.1–0.3 ms).
   */
  batchSize?: number;
  /** Longest a search waits for an update it started. */
  waitMs?: number;
  checkEveryMs?: number;
  /** How long after the last search the catalogue is still checked between searches (0: never). */
  followForMs?: number;
  /** After a failed update, how long before the next attempt. */
  retryAfterMs?: number;
  now?: () => number;
  warn?: (message: string, error: unknown) => void;
  /** After each update that reached the backend. */
  onUpdate?: (report: UpdateReport) => void;
}

interface State {
  catalogue: Catalogue;
  asOf: string;
  documents: Map<string, SearchDocument>;
}

/** Resolves when `promise` does or after `ms`, whichever comes first. */
function within(promise: Promise<void>, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class LiveSearch implements SearchEngine {
  readonly backend: SearchEngine['backend'];
  private state: State | undefined;
  /** The newest live catalogue seen; undefined until the first one arrives. */
  private wanted: Catalogue | undefined;
  /** Products of an update that failed part-way: some of them may be ahead of `state.catalogue`. */
  private readonly unsettled = new Set<string>();
  private checking: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private retryAt = Number.NEGATIVE_INFINITY;
  /** Which kinds of failure are going on (each is logged once per run). */
  private readonly failing = new Set<'catalogue' | 'update'>();
  private lastSearch = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly options: LiveSearchOptions) {
    this.backend = options.engine.backend;
    this.now = options.now ?? Date.now;
    // Catch up at once (the first live catalogue may differ from the build by many listings).
    void this.refresh();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    // Before the first live catalogue arrives (the database opening at start), search answers
    // from what it was built with, as it did before it followed anything.
    const started = this.wanted !== undefined;
    const fresh = this.refresh();
    if (started) await within(fresh, this.options.waitMs ?? 50);
    this.follow();
    return this.options.engine.search(query);
  }

  /**
   * Asks for the live catalogue; resolves once it came and, when that started an update, once
   * the update is done (an update already under way is not waited for). Never rejects: a
   * failure is logged and the backend keeps what it has.
   */
  async refresh(): Promise<void> {
    await this.fetch();
    const idle = this.running === undefined;
    const update = this.pump();
    if (idle) await update;
  }

  /**
   * Asks for the live catalogue and resolves once the backend holds it, or an update failed,
   * waiting for updates under way too (start-up, tests).
   */
  async settle(): Promise<void> {
    await this.fetch();
    void this.pump();
    while (this.running) await this.running;
  }

  /** Whether the backend holds the newest live catalogue seen (and today's statuses). */
  get current(): boolean {
    return this.state !== undefined && !this.behind(true);
  }

  /** Stops checking between searches. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One request for the live catalogue at a time, shared by the searches that arrive meanwhile. */
  private fetch(): Promise<void> {
    this.checking ??= Promise.resolve()
      .then(() => this.options.catalogue())
      .then(
        (catalogue) => {
          this.failing.delete('catalogue');
          this.wanted = catalogue;
        },
        (error: unknown) =>
          this.report('catalogue', 'live catalogue unavailable; search keeps the documents it has', error),
      )
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  private behind(ignoreRetry = false): boolean {
    if (this.wanted === undefined) return false;
    if (!ignoreRetry && this.now() < this.retryAt) return false;
    const state = this.state;
    return (
      state === undefined ||
      state.catalogue !== this.wanted ||
      state.asOf !== this.options.today() ||
      this.unsettled.size > 0
    );
  }

  private pump(): Promise<void> {
    if (this.running === undefined && this.behind()) {
      this.running = this.drain().then((ok) => {
        this.running = undefined;
        // A catalogue that arrived as the last update finished (after a failure: the next check).
        if (ok && this.behind()) void this.pump();
      });
    }
    return this.running ?? Promise.resolve();
  }

  /** Updates until the backend holds the newest catalogue; false when an update failed. */
  private async drain(): Promise<boolean> {
    try {
      if (!this.state) {
        const indexed = await this.options.indexed();
        this.state = {
          catalogue: indexed.catalogue,
          asOf: indexed.asOf,
          documents: new Map(Array.from(indexed.documents, (d) => [d.id, d])),
        };
      }
      while (this.behind()) await this.update(this.state, this.wanted!, this.options.today());
      this.failing.delete('update');
      return true;
    } catch (error) {
      this.retryAt = this.now() + (this.options.retryAfterMs ?? 5000);
      this.report('update', 'search not updated to the live catalogue; trying again shortly', error);
      return false;
    }
  }

  private async update(state: State, target: Catalogue, asOf: string): Promise<void> {
    const started = performance.now();
    const ids = await touchedProducts(state.catalogue, state.asOf, target, asOf);
    for (const id of this.unsettled) ids.add(id);
    for (const id of ids) this.unsettled.add(id);
    const changes = await documentChanges(state.documents, target, asOf, ids);
    const size = this.options.batchSize ?? 50;
    const batches = Math.max(changes.upserts.length, changes.removed.length);
    for (let start = 0; start < batches; start += size) {
      if (start > 0) await nextTurn();
      const batch: DocumentChanges = {
        upserts: changes.upserts.slice(start, start + size),
        removed: changes.removed.slice(start, start + size),
      };
      await this.options.apply(batch);
      for (const d of batch.upserts) state.documents.set(d.id, d);
      for (const id of batch.removed) state.documents.delete(id);
    }
    state.catalogue = target;
    state.asOf = asOf;
    this.unsettled.clear();
    if (batches > 0)
      this.options.onUpdate?.({
        upserts: changes.upserts.length,
        removed: changes.removed.length,
        ms: performance.now() - started,
      });
  }

  /** Keeps checking between searches, once a `checkEveryMs`, until searches stop for `followForMs`. */
  private follow(): void {
    this.lastSearch = this.now();
    const followFor = this.options.followForMs ?? 600_000;
    if (this.timer || this.closed || followFor <= 0) return;
    const every = this.options.checkEveryMs ?? 1000;
    const tick = () => {
      this.timer = undefined;
      if (this.closed || this.now() - this.lastSearch >= followFor) return;
      void this.refresh();
      this.timer = setTimeout(tick, every);
      this.timer.unref?.();
    };
    this.timer = setTimeout(tick, every);
    this.timer.unref?.();
  }

  /** Once per run of failures, so an outage is one line, not one a second. */
  private report(kind: 'catalogue' | 'update', message: string, error: unknown): void {
    if (!this.failing.has(kind)) (this.options.warn ?? ((m, e) => console.warn(m, e)))(message, error);
    this.failing.add(kind);
  }
}
