/** The claim form's server wiring: the built registry, the database, the server's one limiter. */
import { getCatalogue } from '~/catalogue/astro';
import { database } from '~/db/client';
import { clientAddress } from '~/security/client-address';
import { serverRateLimiter } from '~/security/server-limiter';
import type { ClaimDeps } from './claims-page';

export function claimDeps(request: Request, fallbackAddress: string | undefined): ClaimDeps {
  return {
    // The build's registry: the facility page the form starts from is built from it too.
    catalogue: getCatalogue,
    db: async () => (await database()).db,
    // Shared with every public form's rule, so the budget is one per client across instances.
    limiter: serverRateLimiter(),
    address: clientAddress(request, fallbackAddress),
  };
}
