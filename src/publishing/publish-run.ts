/**
 * `npm run publish` and `--rollback`: build the site into a new folder beside the live one,
 * check it, then switch every running server to it in two steps (next.json: load and warm it;
 * live.json: serve it) and keep the last three builds. One at a time (./publish-lock.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkBuild } from './build-check';
import { type BuildManifest, buildsToRemove, listBuilds, MANIFEST } from './build-list';
import { describeProgress, newBuildProgress, readBuildLine } from './build-progress';
import { BUILD_ID, buildPaths, newBuildId } from './builds-dir';
import { type InstanceState, liveInstances, waitForInstances } from './instances';
import { linkTree } from './link-tree';
import { readPointer, writeJsonAtomically } from './pointer-files';
import { takePublishLock } from './publish-lock';
import { statusWriter } from './publish-status';

export const KEEP_BUILDS = 3;

export class PublishError extends Error {}

export interface SwitchResult {
  build: string;
  previous: string | null;
  /** From writing live.json to the last server reporting it serves the build. */
  switchMs: number;
  /** Loading and warming the build in every server, before the switch. */
  prepareMs: number;
  instances: number;
  removed: string[];
}

export interface PublishResult extends SwitchResult {
  buildSeconds: number;
  pages: number;
}

export interface PublishOptions {
  requestedBy: string;
  /** Publish this finished build folder (made elsewhere, e.g. by CI) instead of building. */
  from?: string;
  /** The catalogue files the build reads (a change to one during the build fails the publish). */
  contentFiles: readonly string[];
  root?: string;
  /** Each progress line (phases as they happen, counts every few seconds). */
  onProgress?: (line: string) => void;
  /** The build command (default `npm run build`); its output folder is given as ASTRO_OUT_DIR. */
  buildCommand?: readonly string[];
  prepareTimeoutMs?: number;
  switchTimeoutMs?: number;
  /**
   * Runs after every server has loaded the build and right before the switch: what lives outside
   * the build and must change with it (the Meilisearch index, swapped in one step).
   */
  beforeSwitch?: (build: string) => Promise<void>;
}

/** A digest of the catalogue files: a change during the build means the build may mix two versions. */
async function contentDigest(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    try {
      hash.update(await readFile(file));
    } catch {
      hash.update('-');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Colour codes would end up in the log and the console's status (any FORCE_COLOR value forces them). */
function withoutColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}

function runBuild(command: readonly string[], outDir: string, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: { ...withoutColour(process.env), ASTRO_OUT_DIR: outDir, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const read = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          tail.push(line);
          if (tail.length > 20) tail.shift();
          onLine(line);
        }
      });
    };
    read(child.stdout!);
    read(child.stderr!);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new PublishError(`the build failed (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const paths = buildPaths(options.root);
  const say = options.onProgress ?? (() => undefined);
  const release = await takePublishLock(paths.lock, options.requestedBy, 'publish');
  const id = newBuildId();
  const dir = paths.build(id);
  const status = statusWriter(paths.status, {
    action: 'publish',
    state: 'running',
    by: options.requestedBy,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    step: 'starting',
    build: id,
    message: null,
  });
  try {
    const started = performance.now();
    if (options.from) {
      say(`copying ${options.from} into ${dir}`);
      // node_modules: a build copied for a bench links the project's packages; this one finds them by its place.
      await linkTree(path.resolve(options.from), dir, (name) => name === 'node_modules');
    } else {
      const before = await contentDigest(options.contentFiles);
      const progress = newBuildProgress();
      let shown = 0;
      say(`building into ${dir}`);
      await runBuild(options.buildCommand ?? ['npm', 'run', 'build'], dir, (line) => {
        const phase = readBuildLine(progress, line);
        if (phase) say(phase);
        status.progress(describeProgress(progress, 'en'));
        if (Date.now() - shown > 5000) {
          shown = Date.now();
          say(describeProgress(progress, 'en'));
        }
      });
      if ((await contentDigest(options.contentFiles)) !== before) {
        // The build read each file separately: it may hold one file before and one after the change.
        throw new PublishError(
          'the catalogue changed while the site was being built (an import or revocation was applied); publish again',
        );
      }
    }
    const buildSeconds = (performance.now() - started) / 1000;
    await status.update({ step: 'checking the build' });
    say('checking the build (sitemap pages, CSP hashes, build stamp)');
    const check = await checkBuild(dir);
    if (check.problems.length > 0)
      throw new PublishError(`the build is incomplete:\n- ${check.problems.join('\n- ')}`);
    const manifest: BuildManifest = {
      id,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round(buildSeconds * 10) / 10,
      pages: check.pages,
      cspHashes: check.cspHashes,
      requestedBy: options.requestedBy,
    };
    await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    say(
      `build ${id}: ${check.pages} pages in the sitemaps, ${check.cspHashes} CSP hashes, built in ${manifest.buildSeconds} s`,
    );
    const switched = await switchServers(id, options, (step) => {
      say(step);
      void status.update({ step });
    });
    await status.update({ state: 'done', step: 'done', finishedAt: new Date().toISOString() });
    return { ...switched, buildSeconds, pages: check.pages };
  } catch (error) {
    await status.update({
      state: 'failed',
      step: 'failed',
      finishedAt: new Date().toISOString(),
      message: (error as Error).message,
    });
    // A build that never went live is removed; one that did stays (the servers may serve it).
    const live = await readPointer(paths.live);
    if (live?.build !== id) await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await release();
  }
}

/** `--rollback`: switches back to the newest kept build older than the live one. */
export async function rollback(
  options: Omit<PublishOptions, 'from' | 'buildCommand' | 'contentFiles'>,
): Promise<SwitchResult> {
  const paths = buildPaths(options.root);
  const release = await takePublishLock(paths.lock, options.requestedBy, 'rollback');
  const status = statusWriter(paths.status, {
    action: 'rollback',
    state: 'running',
    by: options.requestedBy,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    step: 'starting',
    build: null,
    message: null,
  });
  try {
    const live = await readPointer(paths.live);
    if (!live) throw new PublishError('nothing has been published yet: there is no build to roll back from');
    const older = (await listBuilds(paths.root)).filter((b) => b.id < live.build);
    const target = older[0];
    if (!target) throw new PublishError(`no build older than the live one (${live.build}) is kept`);
    await status.update({ build: target.id });
    const result = await switchServers(target.id, options, (step) => {
      options.onProgress?.(step);
      void status.update({ step });
    });
    await status.update({ state: 'done', step: 'done', finishedAt: new Date().toISOString() });
    return result;
  } catch (error) {
    await status.update({
      state: 'failed',
      step: 'failed',
      finishedAt: new Date().toISOString(),
      message: (error as Error).message,
    });
    throw error;
  } finally {
    await release();
  }
}

const servesOrReady = (id: string) => (i: InstanceState) => i.build === id || i.ready === id;

/** The two-step switch of every server on the machine, then the old builds removed. */
async function switchServers(
  id: string,
  options: Pick<PublishOptions, 'root' | 'prepareTimeoutMs' | 'switchTimeoutMs' | 'beforeSwitch'>,
  step: (text: string) => void,
): Promise<SwitchResult> {
  const paths = buildPaths(options.root);
  const current = await readPointer(paths.live);
  const previous = current?.build ?? null;
  const running = (await liveInstances(paths.instances)).length;
  step(`loading the build in ${running} running server(s)`);
  await writeJsonAtomically(paths.next, { build: id, at: new Date().toISOString(), previous });
  const prepared = await waitForInstances(paths.instances, servesOrReady(id), {
    timeoutMs: options.prepareTimeoutMs ?? 180_000,
    failedFor: id,
  });
  if (!prepared.ok) {
    const why = prepared.failures.map((f) => `pid ${f.pid}: ${f.failed?.message}`).join('; ');
    throw new PublishError(
      why
        ? `a server could not load build ${id}: ${why}; nothing was switched`
        : `the servers did not load build ${id} within ${Math.round(prepared.waitedMs / 1000)} s; nothing was switched`,
    );
  }
  if (options.beforeSwitch) {
    step('updating what follows the build (search index)');
    await options.beforeSwitch(id);
  }
  step('switching');
  await writeJsonAtomically(paths.live, { build: id, at: new Date().toISOString(), previous });
  const switched = await waitForInstances(paths.instances, (i) => i.build === id, {
    timeoutMs: options.switchTimeoutMs ?? 10_000,
    failedFor: id,
  });
  if (!switched.ok) {
    throw new PublishError(
      `build ${id} is live, but ${switched.instances.filter((i) => i.build !== id).length} server(s) did not report the switch within ${Math.round(switched.waitedMs)} ms`,
    );
  }
  const removed = await removeOldBuilds(paths.root, switched.instances);
  return {
    build: id,
    previous,
    switchMs: Math.round(switched.waitedMs),
    prepareMs: Math.round(prepared.waitedMs),
    instances: switched.instances.length,
    removed,
  };
}

async function removeOldBuilds(root: string, instances: readonly InstanceState[]): Promise<string[]> {
  const live = await readPointer(buildPaths(root).live);
  const published = (await listBuilds(root)).map((b) => b.id);
  const names = (await readdir(root)).filter((n) => BUILD_ID.test(n) && !published.includes(n));
  const unpublished = await Promise.all(
    names.map(async (n) => ({ id: n, ageMs: Date.now() - (await stat(path.join(root, n))).mtimeMs })),
  );
  const protectedIds = new Set(
    [live?.build, live?.previous, ...instances.map((i) => i.build)].filter((v): v is string => !!v),
  );
  const remove = buildsToRemove(published, unpublished, protectedIds, KEEP_BUILDS);
  for (const id of remove) {
    if (existsSync(path.join(root, id))) await rm(path.join(root, id), { recursive: true, force: true });
  }
  return remove;
}
