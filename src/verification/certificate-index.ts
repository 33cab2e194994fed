/**
 * Finding a certificate from what a person types or scans: a certificate id, the number as
 * printed (ignoring case, spaces, punctuation and diacritics: "Số 12/GCN-BCT" = "12gcnbct"),
 * or a signed badge code (recognised by its prefix and checked elsewhere).
 */

import type { Certificate } from '~/catalogue';
import { numberKey } from '~/catalogue';
import { looksLikeBadgeCode, MAX_BADGE_CODE_LENGTH } from './badge-code';

/** Longer input is refused before any work: no id, number or badge code is this long. */
export const MAX_CODE_LENGTH = MAX_BADGE_CODE_LENGTH;

export type CodeKind = 'badge' | 'text';

export function classifyCode(code: string): CodeKind {
  return looksLikeBadgeCode(code) ? 'badge' : 'text';
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (key === '') return;
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

export class CertificateLookup {
  private readonly byId: Map<string, Certificate>;
  private readonly byKey = new Map<string, Certificate[]>();

  constructor(certificates: readonly Certificate[]) {
    this.byId = new Map(certificates.map((c) => [c.id, c]));
    for (const c of certificates) {
      if (c.number) push(this.byKey, numberKey(c.number), c);
      // An id typed with spaces or in capitals ("QG 2023 ABC") still finds it.
      push(this.byKey, numberKey(c.id), c);
    }
  }

  /**
   * Every certificate the text may mean: one for an id or a unique number, several when a
   * printed number is shared (the page then lets the person choose), none when unknown.
   */
  find(text: string): Certificate[] {
    const trimmed = text.trim();
    const exact = this.byId.get(trimmed) ?? this.byId.get(trimmed.toLowerCase());
    if (exact) return [exact];
    return this.byKey.get(numberKey(trimmed)) ?? [];
  }
}
