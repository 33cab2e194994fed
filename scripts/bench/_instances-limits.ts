/**
 * Per-client rate limits across two instances (62-faults-instances): one client sends a rule's
 * limit plus five requests at once through the round-robin proxy. The counts live in the shared
 * store (PostgreSQL's rate_limits table, or Redis with REDIS_URL), so exactly `limit` pass in
 * all, not `limit` per instance.
 */
import { LOOKUP_RULE, PLACEMENT_RULE } from '~/commerce/limits';
import type { RateLimitRule } from '~/security/rate-limit';
import { type Answer, type Cluster, call, nextClient, perInstance, statusTally } from './_instances-cluster';

const OVER = 5;

interface LimitedRoute {
  name: string;
  rule: RateLimitRule;
  /** What a request that passes the limit is answered (the request itself is invalid or unknown). */
  passed: number;
  send(cluster: Cluster, client: string): Promise<Answer>;
}

const ROUTES: LimitedRoute[] = [
  {
    name: 'POST /api/orders',
    rule: PLACEMENT_RULE,
    // An empty order: refused by validation after it has counted against the limit.
    passed: 400,
    send: (cluster, client) => call(cluster, '/api/orders', { body: {}, client }),
  },
  {
    name: 'GET /api/orders/{n}',
    rule: LOOKUP_RULE,
    passed: 404,
    send: (cluster, client) => call(cluster, '/api/orders/CNNT-260101-ABCDE?phone=0912345678', { client }),
  },
];

export async function checkLimits(cluster: Cluster, store: string): Promise<void> {
  for (const route of ROUTES) {
    const client = nextClient();
    const total = route.rule.limit + OVER;
    const answers = await Promise.all(Array.from({ length: total }, () => route.send(cluster, client)));
    const passed = answers.filter((a) => a.status === route.passed).length;
    const limited = answers.filter((a) => a.status === 429);
    const withRetryAfter = limited.filter((a) => Number(a.headers.get('retry-after')) > 0).length;
    const [a, b] = perInstance(answers);
    const problems: string[] = [];
    if (passed !== route.rule.limit) problems.push(`${passed} passed, the limit is ${route.rule.limit}`);
    if (limited.length !== OVER) problems.push(`${limited.length} answered 429, not ${OVER}`);
    if (passed + limited.length !== total) problems.push(`other answers: ${statusTally(answers)}`);
    if (withRetryAfter !== limited.length)
      problems.push(`${limited.length - withRetryAfter} 429s without Retry-After`);
    if (a === 0 || b === 0) problems.push('one instance answered nothing');
    cluster.checks.report(
      `rate limit ${route.name} (${route.rule.limit}/${route.rule.windowMs / 1000} s), one client, 2 instances, ${store}`,
      {
        requests: total,
        passed,
        limited_429: limited.length,
        statuses: statusTally(answers),
        answered_by_a: a,
        answered_by_b: b,
      },
      problems,
    );
  }
}
