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
    raw = await request.json();
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json', 'The request body is not valid JSON.') };
  }
  return validate(schema, raw);
}

/** Parses URL query parameters with a schema (values are strings; use z.coerce for numbers). */
export function parseQuery<S extends z.ZodTypeAny>(url: URL, schema: S): Parsed<z.infer<S>> {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v !== '') raw[k] = v;
  return validate(schema, raw);
}

function validate<S extends z.ZodTypeAny>(schema: S, raw: unknown): Parsed<z.infer<S>> {
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
