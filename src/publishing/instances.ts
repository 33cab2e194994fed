/**
 * Running servers announce themselves under BUILDS_DIR/instances/<pid>.json: which build they
 * serve, which one they have loaded and warmed for the next switch, and when they switched.
 * The publish command reads these to wait until every server on the machine has switched.
 */
import { mkdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJson, writeJsonAtomically } from './pointer-files';
import { processAlive } from './publish-lock';

export const instanceSchema = z.object({
  pid: z.number().int(),
  url: z.string(),
  /** The build served (null: the plain dist/ of `npm run build`). */
  build: z.string().nullable(),
  /** The build loaded and warmed, ready to switch to. */
  ready: z.string().nullable(),
  /** A build this server could not load, with why: the publish reports it instead of waiting. */
  failed: z.object({ build: z.string(), message: z.string() }).nullable(),
  switchedAt: z.string().nullable(),
});
export type InstanceState = z.infer<typeof instanceSchema>;

export function instanceFile(dir: string, pid = process.pid): string {
  return path.join(dir, `${pid}.json`);
}

export async function writeInstance(dir: string, state: InstanceState): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeJsonAtomically(instanceFile(dir, state.pid), state);
}

/** The servers running now; files of servers that died are removed on the way. */
export async function liveInstances(dir: string): Promise<InstanceState[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const states: InstanceState[] = [];
  for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
    const file = path.join(dir, name);
    const state = await readJson(file, instanceSchema);
    if (state && processAlive(state.pid)) states.push(state);
    else if (state) await rm(file, { force: true });
  }
  return states;
}

/** Polls until every live instance satisfies `done`, a `failed` one appears, or time runs out. */
export async function waitForInstances(
  dir: string,
  done: (state: InstanceState) => boolean,
  options: { timeoutMs: number; failedFor?: string; pollMs?: number },
): Promise<{ ok: boolean; instances: InstanceState[]; waitedMs: number; failures: InstanceState[] }> {
  const started = performance.now();
  for (;;) {
    const instances = await liveInstances(dir);
    const failures = options.failedFor ? instances.filter((i) => i.failed?.build === options.failedFor) : [];
    const waitedMs = performance.now() - started;
    if (failures.length > 0) return { ok: false, instances, waitedMs, failures };
    if (instances.every(done)) return { ok: true, instances, waitedMs, failures };
    if (waitedMs > options.timeoutMs) return { ok: false, instances, waitedMs, failures };
    await new Promise((r) => setTimeout(r, options.pollMs ?? 25));
  }
}
