/**
 * Malformed requests for every API route (issue 14 item 8d): N variants per route, from a
 * seeded generator so a run repeats exactly. For each route file under src/pages/api (read
 * from the file system, ./api-routes.ts), the variants mix the kinds of ./malformed-body-kinds.ts,
 * ./malformed-text-kinds.ts, ./malformed-url-kinds.ts and ./malformed-http-kinds.ts: every applicable kind comes round before any repeats, and
 * within a kind its options come in turn (each field gets a wrong type, each encoding is tried).
 *
 * A variant is refused by the route's contract, so the server must answer it with a 4xx (or,
 * for a query it can read, a 2xx), never a 5xx, and store nothing. The benchmark sends them on
 * a raw socket (./raw-http.ts); the vitest suite turns those it can into fetch Requests.
 */
import type { ApiRoute } from './api-routes';
import { BODY_KINDS } from './malformed-body-kinds';
import { HTTP_KINDS } from './malformed-http-kinds';
import { type Ctx, hashText, type Kind, type MalformedRequest, Rng, seededRandom } from './malformed-kit';
import { GENERIC_SHAPE, ROUTE_SHAPES, type Samples } from './malformed-routes';
import { TEXT_KINDS } from './malformed-text-kinds';
import { URL_KINDS } from './malformed-url-kinds';

export type { MalformedRequest } from './malformed-kit';
export { type Samples, samplesFrom } from './malformed-routes';

export const KINDS: readonly Kind[] = [...BODY_KINDS, ...TEXT_KINDS, ...URL_KINDS, ...HTTP_KINDS];

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface GeneratorOptions {
  /** The same seed gives the same requests (default 1). */
  seed?: number;
  /** Variants per route (default 200). */
  perRoute?: number;
}

/** `perRoute` malformed requests for each route, in a repeatable order. */
export function malformedRequests(
  routes: readonly ApiRoute[],
  samples: Samples,
  { seed = 1, perRoute = 200 }: GeneratorOptions = {},
): MalformedRequest[] {
  return routes.flatMap((route) => routeVariants(route, samples, seed, perRoute));
}

function routeVariants(route: ApiRoute, samples: Samples, seed: number, count: number): MalformedRequest[] {
  // Each route its own stream: a route added later leaves the others' variants unchanged.
  const rng = new Rng(seededRandom(seed ^ hashText(route.pattern)));
  const shape = ROUTE_SHAPES[route.pattern] ?? GENERIC_SHAPE;
  const bodyMethods = route.methods.filter((m) => BODY_METHODS.includes(m));
  const readMethods = route.methods.filter((m) => !BODY_METHODS.includes(m));
  const probe: Ctx = {
    route,
    shape,
    samples,
    rng,
    turn: 0,
    serial: 0,
    bodyMethod: bodyMethods[0],
    mainMethod: readMethods[0] ?? bodyMethods[0] ?? 'GET',
  };
  const applicable = KINDS.filter((k) => k.applies(probe));
  const round = rng.shuffle(applicable.flatMap((k) => Array<Kind>(k.weight).fill(k)));
  const turns = new Map<string, number>();
  const out: MalformedRequest[] = [];
  for (let serial = 0; serial < count; serial++) {
    const kind = round[serial % round.length]!;
    const turn = turns.get(kind.name) ?? 0;
    turns.set(kind.name, turn + 1);
    // Every exported method gets its share of the variants.
    const ctx: Ctx = {
      ...probe,
      turn,
      serial,
      bodyMethod: bodyMethods.length ? bodyMethods[serial % bodyMethods.length] : undefined,
      mainMethod: readMethods.length ? readMethods[serial % readMethods.length]! : probe.mainMethod,
    };
    out.push(kind.make(ctx));
  }
  return out;
}

/**
 * The variant as a fetch Request for calling a route in-process, or undefined when only a
 * socket can send it (framing, raw bytes) or fetch refuses it (a forbidden method or header).
 * `forwardedFor` is the client address a trusted proxy would append.
 */
export function toFetchRequest(
  variant: MalformedRequest,
  origin: string,
  forwardedFor?: string,
): Request | undefined {
  if (variant.wireOnly) return undefined;
  try {
    const headers = new Headers();
    for (const [name, value] of variant.headers) headers.append(name, value);
    if (forwardedFor && !variant.ownsForwardedFor) headers.append('X-Forwarded-For', forwardedFor);
    const withBody = variant.body.length > 0 && variant.method !== 'GET' && variant.method !== 'HEAD';
    return new Request(`${origin}${variant.target}`, {
      method: variant.method,
      headers,
      ...(withBody ? { body: new Uint8Array(variant.body) } : {}),
    });
  } catch {
    return undefined;
  }
}
