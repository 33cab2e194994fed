/** JSON responses and input validation at the API edge (docs/http-api.md, "Conventions"). */
import type { ZodError, z } from 'zod';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return json(body, status);
}

/** 429 `rate_limited` for too many `what`, with Retry-After: the seconds until the client's window ends. */
export function rateLimited(what: string, retryAfterSeconds: number): Response {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const response = apiError(
    429,
    'rate_limited',
    `Too many ${what}; try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
  );
  response.headers.set('retry-after', String(retryAfterSeconds));
  return response;
}

/** Zod issues as `{ "items.0.quantity": "message" }`. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Parses a JSON body with a schema; 400 `invalid_json` / `invalid_request` with fields otherwise. */
export async function parseJsonBody<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
): Promise<Parsed<z.infer<S>>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    return {
      ok: false,
      response: apiError(415, 'unsupported_media_type', 'Send the body as application/json.'),
    };
  }
  let raw: unknown;
  try {
    // JSON is UTF-8 (RFC 8259): bytes that are not would otherwise turn into U+FFFD and be
    // stored as if the client had sent them.
    raw = JSON.parse(strictUtf8.decode(await request.arrayBuffer()));
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', 'The request body is not valid JSON.') };
  }
  return validate(schema, raw);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses URL query parameters with a schema (values are strings; use z.coerce for numbers). */
export function parseQuery<S extends z.ZodTypeAny>(url: URL, schema: S): Parsed<z.infer<S>> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v !== '') raw[k] = v;
  return validate(schema, raw);
}

/** A NUL, or a surrogate without its other half: text PostgreSQL refuses to store or compare. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = 'contains a NUL or an unpaired surrogate, which cannot be stored';
const MAX_NAMED = 20;

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

function pathOf(visit: Visit | undefined): string {
  const keys: string[] = [];
  for (let v = visit; v?.parent; v = v.parent) keys.unshift(v.key);
  return keys.join('.') || '_';
}

/**
 * The path of every string (or key) in `value` that no text column can hold. Iterative: a body
 * nested 100,000 deep parses fine and must not overflow the stack here.
 */
function unstorableText(value: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const stack: Visit[] = [{ value, key: '', parent: undefined }];
  // A few paths tell the client enough; naming thousands would cost more than the request.
  for (let visit = stack.pop(); visit && Object.keys(found).length < MAX_NAMED; visit = stack.pop()) {
    if (typeof visit.value === 'string') {
      if (UNSTORABLE.test(visit.value)) found[pathOf(visit)] ??= UNSTORABLE_MESSAGE;
    } else if (visit.value !== null && typeof visit.value === 'object') {
      for (const [key, child] of Object.entries(visit.value)) {
        if (UNSTORABLE.test(key)) found[pathOf(visit)] ??= UNSTORABLE_MESSAGE;
        stack.push({ value: child, key, parent: visit });
      }
    }
  }
  return found;
}

function validate<S extends z.ZodTypeAny>(schema: S, raw: unknown): Parsed<z.infer<S>> {
  // Before the schema: PostgreSQL would refuse these strings with an error (a 500), not a 400.
  const unstorable = unstorableText(raw);
  if (Object.keys(unstorable).length > 0)
    return {
      ok: false,
      response: apiError(400, 'invalid_request', 'Some fields are missing or invalid.', unstorable),
    };
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    response: apiError(
      400,
      'invalid_request',
      'Some fields are missing or invalid.',
      zodFields(result.error),
    ),
  };
}
