/**
 * `GET /readyz`: whether this instance can serve orders and searches now, for a load balancer
 * or orchestrator to route by. Ready when the database answers and has every migration, and the
 * search engine is built (embedded) or reachable (Meilisearch); otherwise 503 naming what is not.
 * Each check is bounded, so a hung database makes the probe fail, not hang.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { listMigrations } from '~/db/migrate';
import { json } from '~/http/json';

export interface ReadinessProbes {
  database(): Promise<Database>;
  /** Resolves when search can answer (the server's search engine). */
  search(): Promise<unknown>;
}

export type Readiness = { status: 'ok' | 'unavailable'; checks: { database: string; search: string } };

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function checkDatabase(open: () => Promise<Database>): Promise<string> {
  const db = await open();
  const result = (await db.execute(sql`SELECT name FROM schema_migrations`)) as unknown as {
    rows: { name: string }[];
  };
  const applied = new Set(result.rows.map((r) => r.name));
  const pending = listMigrations().filter((m) => !applied.has(m.name));
  return pending.length ? `not migrated: ${pending.map((m) => m.name).join(', ')}` : 'ok';
}

function problem(error: unknown): string {
  return `unavailable: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
}

export async function readiness(probes: ReadinessProbes, timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const [database, search] = await Promise.all([
    withTimeout(checkDatabase(probes.database), timeoutMs).catch(problem),
    withTimeout(probes.search(), timeoutMs).then(() => 'ok', problem),
  ]);
  const ok = database === 'ok' && search === 'ok';
  return { status: ok ? 'ok' : 'unavailable', checks: { database, search } };
}

export async function handleReadiness(probes: ReadinessProbes, timeoutMs?: number): Promise<Response> {
  const result = await readiness(probes, timeoutMs);
  return json(result, result.status === 'ok' ? 200 : 503);
}
