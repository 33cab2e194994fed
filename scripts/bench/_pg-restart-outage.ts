/**
 * One PostgreSQL outage of 61-faults-postgres.ts and what the answers of _pg-restart-load.ts
 * say about it: stop the cluster (`fast`, or `immediate`: a crash), keep it down, start it, and
 * wait until /readyz is 200 and an order is created again. Times are performance.now() values.
 */
import type { PrivatePostgres, StopMode } from '../lib/private-postgres';
import type { Answer, RestartLoad } from './_pg-restart-load';

export interface Outage {
  mode: StopMode;
  /** pg_ctl stop sent, the server gone, pg_ctl start sent, the server accepting again. */
  stopAt: number;
  downAt: number;
  startAt: number;
  upAt: number;
}

export interface OutageFigures {
  pg_stop_ms: number;
  pg_start_ms: number;
  /** From pg_ctl stop to the first /readyz 503 (-1: none while down). */
  readyz_503_after_stop_ms: number;
  /** From pg_ctl start to the first /readyz 200 after the outage (-1: none). */
  readyz_200_after_start_ms: number;
  /** From pg_ctl start to the first order answered 201 (-1: none). */
  first_201_after_start_ms: number;
  readyz_200_while_down: number;
  /** Answers that ended while PostgreSQL was down (stop sent … accepting again), by kind and status. */
  answered_while_down: string;
  max_latency_while_down_ms: number;
}

const RECOVERY_TIMEOUT_MS = 30_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const first = (answers: readonly Answer[], test: (a: Answer) => boolean) =>
  answers.filter(test).sort((a, b) => a.endedAt - b.endedAt)[0];

export async function causeOutage(
  cluster: PrivatePostgres,
  load: RestartLoad,
  mode: StopMode,
  downMs: number,
): Promise<Outage> {
  const stopAt = performance.now();
  await cluster.stop(mode);
  const downAt = performance.now();
  await pause(downMs);
  const startAt = performance.now();
  await cluster.start();
  const upAt = performance.now();
  const recovered = () =>
    load.answers.some((a) => a.kind === 'readyz' && a.status === 200 && a.startedAt >= upAt) &&
    load.answers.some((a) => a.kind === 'order' && a.status === 201 && a.endedAt >= startAt);
  while (!recovered() && performance.now() - upAt < RECOVERY_TIMEOUT_MS) await pause(50);
  return { mode, stopAt, downAt, startAt, upAt };
}

export function outageFigures(outage: Outage, answers: readonly Answer[]): OutageFigures {
  const { stopAt, downAt, startAt, upAt } = outage;
  const ms = (n: number) => Math.round(n);
  const ready503 = first(answers, (a) => a.kind === 'readyz' && a.status === 503 && a.endedAt >= stopAt);
  const ready200 = first(
    answers,
    (a) => a.kind === 'readyz' && a.status === 200 && a.endedAt >= (ready503?.endedAt ?? startAt),
  );
  const created = first(answers, (a) => a.kind === 'order' && a.status === 201 && a.endedAt >= startAt);
  const whileDown = answers.filter((a) => a.endedAt >= stopAt && a.endedAt <= upAt);
  const tally = new Map<string, number>();
  for (const a of whileDown) {
    const label = `${a.kind}:${a.status || a.failure}`;
    tally.set(label, (tally.get(label) ?? 0) + 1);
  }
  return {
    pg_stop_ms: ms(downAt - stopAt),
    pg_start_ms: ms(upAt - startAt),
    readyz_503_after_stop_ms: ready503 && ready503.endedAt <= upAt ? ms(ready503.endedAt - stopAt) : -1,
    readyz_200_after_start_ms: ready200 ? ms(ready200.endedAt - startAt) : -1,
    first_201_after_start_ms: created ? ms(created.endedAt - startAt) : -1,
    // Sent once the server was gone and answered before it was back: a 200 would be stale.
    readyz_200_while_down: whileDown.filter(
      (a) => a.kind === 'readyz' && a.status === 200 && a.startedAt >= downAt && a.endedAt < startAt,
    ).length,
    answered_while_down: [...tally]
      .sort()
      .map(([label, n]) => `${label}×${n}`)
      .join(' '),
    max_latency_while_down_ms: ms(Math.max(0, ...whileDown.map((a) => a.endedAt - a.startedAt))),
  };
}
