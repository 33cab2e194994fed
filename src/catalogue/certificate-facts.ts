/**
 * The facts that identify a certificate (its number, recognition decision, level, region and
 * year) as the public JSON APIs give them: a field the record lacks is null, so every answer has
 * the same keys. Shared by the product API and the verification record.
 */
import type { Region } from './programme';
import type { Certificate } from './schemas';

export interface CertificateFacts {
  id: string;
  number: string | null;
  decision: string | null;
  level: Certificate['level'];
  region: Region | null;
  year: number;
}

export function certificateFacts(c: Certificate): CertificateFacts {
  return {
    id: c.id,
    number: c.number ?? null,
    decision: c.decision ?? null,
    level: c.level,
    region: c.region ?? null,
    year: c.year,
  };
}
