/**
 * Finding certificates by id or printed number (ignoring case, spaces, punctuation and
 * diacritics: "Số 12/GCN-BCT" = "12gcnbct"). Its own module, free of node:crypto (badge codes
 * live in ./certificate-index.ts), so the capability's browser-safe entry can offer it.
 */

import type { Certificate } from '~/catalogue';
import { numberKey } from '~/catalogue';

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
