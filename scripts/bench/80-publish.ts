/**
 * Publishing with no downtime (issue 16): three servers on one machine, two on one PostgreSQL
 * database and one on its own embedded PGlite, all following one builds folder, with a request
 * loop (static pages in both languages, search, verify, a cash-on-delivery order) running
 * through a whole `npm run publish` and a `--rollback`. Also times `npm run build` of the same
 * catalogue for comparison, and an operator's 2,000-row list checked and diffed.
 *
 * Verdicts: 0 failed requests; publish ≤ build + 10 % (one server; the three-server figure is
 * reported: each server loads and warms the build, on two cores); each switch < 1 s; import < 10 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadCatalogue } from '~/catalogue/content-files';
import type { BenchContext, BenchServer } from '../lib/bench-context';
import { publishFromConsole } from './_publish-console';
import { timeRegistryImport } from './_publish-import';

const BENCH = path.resolve('.bench/publish');

function timedCommand(command: string[], env: Record<string, string>, echo: (line: string) => boolean) {
  return new Promise<{ seconds: number; output: string }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line && echo(line)) console.log(`  ${line}`);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, output });
      else reject(new Error(`${command.join(' ')} exited ${code}:\n${output.slice(-3000)}`));
    });
  });
}

interface Loop {
  stop(): Promise<{
    requests: number;
    failed: number;
    failures: string[];
    orders: number;
    builds: Set<string>;
  }>;
}

/** Requests every server without pause: each path's expected status, and orders answered 201. */
function requestLoop(urls: string[], sku: string): Loop {
  const paths: [string, number][] = [
    ['/', 200],
    ['/en/', 200],
    ['/products/', 200],
    ['/programme/', 200],
    ['/api/search?q=nuoc%20mam', 200],
    ['/search/?q=che', 200],
    ['/api/verify?code=not-a-certificate', 404],
    ['/verify/', 200],
  ];
  let stopped = false;
  let requests = 0;
  let orders = 0;
  const failures: string[] = [];
  const builds = new Set<string>();
  let client = 0;
  const worker = async (url: string, slot: number) => {
    for (let i = slot; !stopped; i++) {
      const started = performance.now();
      try {
        if (i % 10 === 0) {
          client += 1;
          const res = await fetch(`${url}/api/orders`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.9.${(client >> 8) & 255}.${client & 255}`,
            },
            body: JSON.stringify({
              items: [{ sku, quantity: 1 }],
              buyer: {
                name: 'Khách Bench',
                phone: '0912345678',
                address: '1 Tràng Tiền',
                province: 'Hà Nội',
              },
              paymentMethod: 'cod',
            }),
          });
          await res.arrayBuffer();
          if (res.status !== 201) failures.push(`POST /api/orders ${res.status}`);
          else orders += 1;
        } else {
          const [p, expected] = paths[i % paths.length]!;
          const res = await fetch(url + p);
          await res.arrayBuffer();
          if (res.status !== expected) failures.push(`${p} ${res.status}`);
        }
        if (i % 25 === 0) {
          const health = (await (await fetch(`${url}/healthz`)).json()) as { build?: string };
          if (health.build) builds.add(health.build);
        }
      } catch (error) {
        failures.push(
          `${url}: ${(error as Error).message} after ${Math.round(performance.now() - started)} ms`,
        );
      }
      requests += 1;
    }
  };
  const running = Promise.all(urls.flatMap((url) => [0, 1, 2].map((slot) => worker(url, slot))));
  return {
    async stop() {
      stopped = true;
      await running;
      return { requests, failed: failures.length, failures, orders, builds };
    },
  };
}

const rssMb = (pid: number) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
};

/** The node process serving (the bench starts `npx tsx …`: the server is its newest descendant). */
function serverPid(groupPid: number): number {
  const children = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  let pid = groupPid;
  for (let next = children(pid); next.length > 0; next = children(pid)) pid = next[next.length - 1]!;
  return pid;
}

export async function run(ctx: BenchContext): Promise<void> {
  const problems: string[] = [];
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  // An operator's list of 2,000 rows, checked and diffed as the console does.
  const imported = await timeRegistryImport(2000);
  ctx.record('publish: import 2,000 rows checked and diffed', {
    ...imported,
    verdict: imported.seconds < 10 ? 'OK' : 'FAILED: over 10 s',
  });
  if (imported.seconds >= 10) problems.push(`import took ${imported.seconds} s`);

  rmSync(BENCH, { recursive: true, force: true });
  mkdirSync(BENCH, { recursive: true });
  const builds = path.join(BENCH, 'builds');
  const reference = path.join(BENCH, 'build');

  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dbName = `cnnt_bench_publish_${process.pid}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const pgUrl = new URL(adminUrl);
  pgUrl.pathname = `/${dbName}`;
  const pgData = mkdtempSync(path.join(tmpdir(), 'bench-pub-pg-'));
  // The publish commands run as an operator would, with the servers' configuration: their
  // audit entries go to the PostgreSQL servers' database.
  const publishEnv = { BUILDS_DIR: builds, DATABASE_URL: pgUrl.href, DATA_DIR: pgData };

  const servers: BenchServer[] = [];
  try {
    console.log('timing `npm run build` of the default catalogue (the reference)…');
    const built = await timedCommand(['npm', 'run', 'build'], { ASTRO_OUT_DIR: reference }, (l) =>
      /Complete!|CSP:/.test(l),
    );
    // The servers start on that build, published as it is; the timed publish builds anew.
    await timedCommand(['npm', 'run', 'publish', '--', '--from', reference], publishEnv, () => false);
    rmSync(reference, { recursive: true, force: true });

    // Behind one proxy: each simulated buyer's X-Forwarded-For address is its own, as in production.
    const shared = { BUILDS_DIR: builds, LOG_LEVEL: 'warn', TRUST_PROXY: '1' };
    const showPublish = (l: string) => /Published|publish: (checking|loading|switching|build )/.test(l);
    // Timed as `npm run build` was, right after it: first with one server running (the embedded
    // database's single process), then with three (each loads and warms the build: two cores).
    servers.push(
      await ctx.startServer({ ...shared, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-pub-lite-')) }),
    );
    console.log('publishing with one server running (timed against the build)…');
    const publishedOne = await timedCommand(['npm', 'run', 'publish'], publishEnv, showPublish);
    for (let i = 0; i < 2; i++)
      servers.push(await ctx.startServer({ ...shared, DATA_DIR: pgData, DATABASE_URL: pgUrl.href }));
    const rssBefore = servers.map((s) => rssMb(serverPid(s.pid)));

    const catalogue = await loadCatalogue();
    const sku = [...catalogue.variantBySku.values()].find(
      ({ variant }) => variant.availability === 'in_stock' && variant.stock === undefined,
    )!.variant.sku;
    console.log('publishing with three servers running, from the console ("Publish now")…');
    const published = await publishFromConsole({ ...publishEnv });
    if (!published.auditedAs.includes(`(bench-operator-${process.pid}@example.vn)`))
      problems.push(`the console's publish was audited as "${published.auditedAs}"`);
    console.log('publishing again under the request loop, then rolling back…');
    const loop = requestLoop(
      servers.map((s) => s.url),
      sku,
    );
    const loaded = await timedCommand(['npm', 'run', 'publish'], publishEnv, showPublish);
    const switched = /switched in (\d+) ms after (\d+) ms loading/.exec(loaded.output);
    const rolled = await timedCommand(['npm', 'run', 'publish', '--', '--rollback'], publishEnv, () => false);
    const rollbackMs = Number(/switched in (\d+) ms/.exec(rolled.output)?.[1] ?? Number.NaN);
    await new Promise((r) => setTimeout(r, 3000));
    const result = await loop.stop();
    const rssAfter = servers.map((s) => rssMb(serverPid(s.pid)));

    const switchMs = Number(switched?.[1] ?? Number.NaN);
    const ratio = publishedOne.seconds / built.seconds;
    const ratioThree = published.seconds / built.seconds;
    if (result.failed > 0)
      problems.push(`${result.failed} failed requests: ${result.failures.slice(0, 5).join('; ')}`);
    if (!(ratio <= 1.1)) problems.push(`publish (one server) took ${ratio.toFixed(2)} × the build`);
    if (!(switchMs < 1000)) problems.push(`switch took ${switchMs} ms`);
    if (!(rollbackMs < 1000)) problems.push(`rollback switch took ${rollbackMs} ms`);
    if (result.builds.size < 2)
      problems.push(`the loop saw ${result.builds.size} build(s), expected the switch`);
    ctx.record('publish: default catalogue, 3 servers (2 PostgreSQL + 1 PGlite), request loop throughout', {
      buildSeconds: Math.round(built.seconds * 10) / 10,
      publishOneServerSeconds: Math.round(publishedOne.seconds * 10) / 10,
      publishThreeServersSeconds: Math.round(published.seconds * 10) / 10,
      publishUnderLoadSeconds: Math.round(loaded.seconds * 10) / 10,
      publishOverBuild: `${Math.round((ratio - 1) * 1000) / 10} % (one server), ${Math.round((ratioThree - 1) * 1000) / 10} % (three)`,
      loadingMs: Number(switched?.[2] ?? Number.NaN),
      switchMs,
      rollbackSwitchMs: rollbackMs,
      requests: result.requests,
      orders: result.orders,
      failed: result.failed,
      rssMbBefore: rssBefore.join('/'),
      rssMbAfter: rssAfter.join('/'),
      load,
      verdict: problems.length ? `FAILED: ${problems.join('; ')}` : 'OK',
    });
  } finally {
    for (const s of servers) await s.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  if (problems.length) throw new Error(`publish bench: ${problems.join('; ')}`);
}
