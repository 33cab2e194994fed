/**
 * The pieces every kind of malformed request is made of (./malformed-requests.ts): the seeded
 * random numbers, the route being fuzzed with its acceptable body and query, and builders of
 * request targets, JSON bodies and requests.
 */
import type { ApiRoute } from './api-routes';
import { type Json, type RouteShape, type Samples, toJsonText } from './malformed-routes';
import type { RawRequest } from './raw-http';

export interface MalformedRequest extends RawRequest {
  /** The route pattern it was made for ("/api/orders/[orderNumber]"). */
  route: string;
  /** The kind of damage ("json-wrong-type", "param-nul"…). */
  kind: string;
  /** What exactly is wrong, for reports. */
  note: string;
  /** Why only a raw socket can send it (a fetch Request cannot say it), when so. */
  wireOnly?: string;
  /** The server may rightly wait for bytes that never come: silence is not a fault. */
  awaitsMore?: boolean;
  /** It sets X-Forwarded-For itself: the sender must not add a client address. */
  ownsForwardedFor?: boolean;
}

/** One kind of damage: which routes it applies to, and how to make its next variant. */
export interface Kind {
  name: string;
  /** Slots per round: kinds with many options get more. */
  weight: number;
  applies(ctx: Ctx): boolean;
  make(ctx: Ctx): MalformedRequest;
}

export const takesBody = (ctx: Ctx): boolean => ctx.bodyMethod !== undefined;

/** Values of another JSON type than `value`'s. */
export function wrongTypes(value: Json): Json[] {
  if (typeof value === 'string') return [123, true, null, [], {}, [value], { value }];
  if (typeof value === 'number') return [String(value), true, null, [], {}, [value], 'one'];
  if (typeof value === 'boolean') return ['true', 1, null, [], {}];
  if (Array.isArray(value)) return [{}, 'list', 1, null, true, { 0: value[0] ?? null }];
  if (value === null) return [];
  return [[value], 'object', 1, null, true, []];
}

/** mulberry32: small, fast, and the same numbers for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a), to give each route its own stream of numbers. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  constructor(readonly next: () => number) {}
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** The route being fuzzed, and the n-th variant of the current kind being made. */
export interface Ctx {
  route: ApiRoute;
  shape: RouteShape;
  samples: Samples;
  rng: Rng;
  /** How many variants of this kind came before for this route: options are taken in turn. */
  turn: number;
  /** A number unique to the variant (e-mail addresses, event ids). */
  serial: number;
  /** The method that takes a body (POST…), when the route has one. */
  bodyMethod: string | undefined;
  /** The method reading the query (GET), else the first exported one. */
  mainMethod: string;
}

/** The option for this turn: every option comes round before any repeats. */
export function inTurn<T>(ctx: Ctx, options: readonly T[]): T {
  return options[ctx.turn % options.length]!;
}

export const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
export const EMPTY = new Uint8Array();

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The request target with `params` (already encoded as they go on the wire) and raw query text. */
export function target(ctx: Ctx, params: Record<string, string> = {}, query?: string): string {
  const defaults = ctx.shape.params?.(ctx.samples) ?? {};
  const path = ctx.route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) =>
    name in params ? params[name]! : encodeURIComponent(defaults[name] ?? 'x'),
  );
  const q = query ?? encodeQuery(defaultQuery(ctx));
  return q ? `${path}?${q}` : path;
}

export function defaultQuery(ctx: Ctx): [string, string][] {
  return ctx.shape.query?.(ctx.samples) ?? [];
}

export function encodeQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets "items.0.quantity" in a copy of `body` (creating objects on the way). */
export function withValue(body: Json, path: string, value: Json): Json {
  const copy = clone(body);
  const keys = path.split('.');
  let node = copy as Record<string, Json>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, Json>;
  }
  node[keys.at(-1)!] = value;
  return copy;
}

export function without(body: Json, path: string): Json {
  const copy = clone(body);
  const keys = path.split('.');
  let node = copy as Record<string, Json> | undefined;
  for (const key of keys.slice(0, -1)) node = node?.[key] as Record<string, Json> | undefined;
  if (node && typeof node === 'object') {
    if (Array.isArray(node)) node.splice(Number(keys.at(-1)), 1);
    else delete node[keys.at(-1)!];
  }
  return copy;
}

/** Every path in a JSON value ("buyer", "buyer.phone", "items.0.sku"), parents first. */
export function jsonPaths(value: Json, prefix = ''): { path: string; value: Json }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [{ path, value: child }, ...jsonPaths(child, path)];
  });
}

/** The body the route would accept (the generic `{}` for a route without one). */
export function acceptedBody(ctx: Ctx): Json {
  return ctx.shape.body?.(ctx.samples, ctx.serial) ?? {};
}

/** The accepted body refused by one business rule only: the base for changes that alone harm nothing. */
export function refusedBody(ctx: Ctx): Json {
  const body = acceptedBody(ctx);
  const refuse = ctx.shape.refuse;
  return refuse ? withValue(body, refuse[0], refuse[1]) : body;
}

/** The accepted body when the route checks `header` itself, else the refused one. */
export function bodyAfterHeader(ctx: Ctx, header: string): Json {
  return ctx.shape.checksHeaders?.includes(header) ? acceptedBody(ctx) : refusedBody(ctx);
}

export const JSON_HEADERS: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['Accept', 'application/json'],
];

type Extra = Partial<Omit<MalformedRequest, 'route' | 'kind' | 'note'>>;

/** A request with a body, to the route's body method (POST…). */
export function bodyRequest(ctx: Ctx, kind: string, note: string, body: Uint8Array, extra: Extra = {}) {
  return request(ctx, kind, note, {
    method: ctx.bodyMethod ?? 'POST',
    headers: JSON_HEADERS,
    body,
    ...extra,
  });
}

/** A request to the route's main method with its acceptable body (when it takes one) and query. */
export function baseRequest(ctx: Ctx, kind: string, note: string, extra: Extra = {}): MalformedRequest {
  return ctx.bodyMethod
    ? bodyRequest(ctx, kind, note, enc(toJsonText(refusedBody(ctx))), extra)
    : request(ctx, kind, note, {
        method: ctx.mainMethod,
        headers: [['Accept', 'application/json']],
        ...extra,
      });
}

export function request(ctx: Ctx, kind: string, note: string, extra: Extra): MalformedRequest {
  return {
    route: ctx.route.pattern,
    kind,
    note,
    method: ctx.mainMethod,
    target: target(ctx),
    headers: [],
    body: EMPTY,
    ...extra,
  };
}
