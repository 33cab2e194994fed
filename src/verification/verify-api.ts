/**
 * GET /api/verify?code= (docs/http-api.md). The route file only wires the server's
 * catalogue and keys in; this handler is what the tests call with a Request.
 *
 * 200 the verification record (+ `badge` for a signed badge code), 404 not_found, 400
 * bad_signature for a badge code whose signature does not verify, 400 invalid_request for a
 * missing or oversized code, 409 ambiguous when a printed number belongs to several
 * certificates. Always live (no-store): a revocation must show at once. Readable from any
 * origin, so shops and apps can verify badges too. `product.photo` is the first photo the
 * facility uploaded (or null), so the static verification page can show it without a rebuild.
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Catalogue } from '~/catalogue';
import { apiError, json, parseQuery } from '~/http/json';
import { type LivePhoto, photoJson } from '~/listings';
import { MAX_CODE_LENGTH } from './certificate-index';
import { type VerificationRecord, verificationRecord } from './public-record';
import { resolveCode } from './resolve-code';

export interface VerifyDeps {
  /** The catalogue with live revocations. */
  catalogue(): Promise<Catalogue>;
  verifiers(): ReadonlyMap<string, KeyObject>;
  /** Today in Vietnam, yyyy-mm-dd. */
  today(): string;
  /** A product's uploaded photos in the facility's order (livePhotosOf); none when absent. */
  photos?(productId: string): Promise<readonly LivePhoto[]>;
}

/** The first uploaded photo as GET /api/products gives photos; null without one. */
export type VerifyPhoto = ReturnType<typeof photoJson> | null;

/** The 200 answer: the public record, the product's photo, and the badge for a badge code. */
export type VerifyAnswer = Omit<VerificationRecord, 'product'> & {
  product: (NonNullable<VerificationRecord['product']> & { photo: VerifyPhoto }) | null;
};

const querySchema = z.object({
  code: z
    .string({ required_error: 'code is required: a certificate id, printed number or badge code' })
    .trim()
    .min(1, 'code is required: a certificate id, printed number or badge code')
    .max(
      MAX_CODE_LENGTH,
      `code is longer than any certificate id, number or badge code (${MAX_CODE_LENGTH} characters)`,
    ),
});

const CORS = { 'access-control-allow-origin': '*' };

export async function handleVerify(request: Request, deps: VerifyDeps): Promise<Response> {
  const parsed = parseQuery(new URL(request.url), querySchema);
  if (!parsed.ok) return withCors(parsed.response);
  const catalogue = await deps.catalogue();
  const found = resolveCode(parsed.data.code, catalogue, deps.verifiers());
  switch (found.kind) {
    case 'bad_signature':
      return withCors(
        apiError(
          400,
          'bad_signature',
          'This badge code has no valid programme signature: the badge may be counterfeit.',
        ),
      );
    case 'not_found':
      return withCors(
        apiError(
          404,
          'not_found',
          'No certificate has this id, number or code: the product may be counterfeit.',
        ),
      );
    case 'ambiguous':
      return withCors(
        apiError(
          409,
          'ambiguous',
          `Several certificates have this number: ${found.candidates.map((c) => c.id).join(', ')}.`,
        ),
      );
    case 'found': {
      const record = verificationRecord(catalogue, found.certificate, deps.today());
      return json({ ...(await withPhoto(record, deps)), badge: found.badge }, 200, CORS);
    }
  }
}

async function withPhoto(record: VerificationRecord, deps: VerifyDeps): Promise<VerifyAnswer> {
  if (!record.product) return { ...record, product: null };
  const [first] = deps.photos ? await deps.photos(record.product.id) : [];
  return { ...record, product: { ...record.product, photo: first ? photoJson(first) : null } };
}

function withCors(response: Response): Response {
  for (const [k, v] of Object.entries(CORS)) response.headers.set(k, v);
  return response;
}
