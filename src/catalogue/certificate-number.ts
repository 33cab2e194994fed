/**
 * Printed certificate numbers compared as people type them: case, spaces, punctuation and
 * diacritics ignored. Shared by the import's identity rule and verification's lookup.
 */
import { foldForMatch } from '~/text/vietnamese';

/** Compact form of a printed certificate number for matching ("Số 12/GCN-BCT" = "12/gcn bct"). */
export function numberKey(printed: string): string {
  return foldForMatch(printed)
    .replace(/^so\s+/, '')
    .replace(/ /g, '');
}
