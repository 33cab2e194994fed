/**
 * Whether a product may be sold at all (retail checkout and wholesale offers alike): while it
 * holds at least one certificate that is not revoked on `asOf`. Expired or superseded
 * certificates still count (the product was certified; the page says how); a product whose
 * every certificate is revoked is no longer certified and is sold nowhere.
 */
import type { Catalogue } from './catalogue';

export function isSellable(catalogue: Catalogue, productId: string, asOf: string): boolean {
  return catalogue.certificatesOf(productId).some((c) => catalogue.statusOf(c, asOf).status !== 'revoked');
}
