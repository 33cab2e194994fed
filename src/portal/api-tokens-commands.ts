/**
 * The facility API token commands (`npm run facility -- token | tokens | revoke-token`), run
 * as admin commands (src/server/admin-commands.ts) so they work while the server holds the
 * embedded database. A facility must be in the registry to get a token.
 */
import { contentDir, readCollection } from '~/catalogue/astro';
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { FACILITY_SCOPES, type FacilityScope } from './api-tokens';
import {
  type CreatedFacilityToken,
  createFacilityToken,
  type FacilityTokenSummary,
  listFacilityTokens,
  revokeFacilityToken,
} from './api-tokens-store';

/** A command's input that names nothing known; the message says what. */
export class FacilityTokenError extends Error {
  constructor(
    readonly code: 'unknown_facility' | 'unknown_token',
    message: string,
  ) {
    super(message);
    this.name = 'FacilityTokenError';
  }
}

async function registryFacility(facilityId: string) {
  const facility = (await readCollection(contentDir(), 'facilities')).find((f) => f.id === facilityId);
  if (!facility)
    throw new FacilityTokenError('unknown_facility', `No facility "${facilityId}" in the registry.`);
  return facility;
}

export async function makeFacilityToken(
  db: Database,
  actor: Actor,
  args: { facilityId: string; name?: string | undefined; scopes?: FacilityScope[] | undefined },
): Promise<CreatedFacilityToken & { facilityName: string }> {
  const facility = await registryFacility(args.facilityId);
  const made = await createFacilityToken(db, actor, {
    facilityId: facility.id,
    label: args.name ?? 'API token',
    scopes: args.scopes?.length ? args.scopes : FACILITY_SCOPES,
  });
  return { ...made, facilityName: facility.name };
}

export async function facilityTokens(db: Database, facilityId: string): Promise<FacilityTokenSummary[]> {
  const tokens = await listFacilityTokens(db, facilityId);
  // A facility gone from the registry may still have tokens to see (and revoke).
  if (tokens.length === 0) await registryFacility(facilityId);
  return tokens;
}

export async function revokeTokenById(
  db: Database,
  actor: Actor,
  tokenId: string,
): Promise<{ revoked: boolean; token: FacilityTokenSummary }> {
  const outcome = await revokeFacilityToken(db, actor, tokenId);
  if (outcome.kind === 'unknown')
    throw new FacilityTokenError('unknown_token', `No facility API token "${tokenId}".`);
  return { revoked: outcome.kind === 'revoked', token: outcome.token };
}
