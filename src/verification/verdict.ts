/**
 * A verdict in words a person cannot misread: a headline naming the status, the dates it
 * rests on, and for a superseded certificate the link to the newer one. Used by the static
 * pages and by the <live-verdict> island in the browser (so: pure, small imports only).
 */
import { LEVEL_NAMES } from '~/catalogue/programme';
import { formatDate } from '~/i18n/format';
import { type Locale, localePath } from '~/i18n/locales';
import type { BadgeClaims } from './badge-code';
import type { Verdict } from './public-record';
import { verdictStrings } from './verdict-strings';

export type Tone = 'ok' | 'warn' | 'bad' | 'info';

/** Shown beside the headline (aria-hidden): the words carry the meaning, the icon helps at a glance. */
export const TONE_ICONS: Record<Tone, string> = { ok: '✓', warn: '!', bad: '✕', info: '↻' };

export interface VerdictView {
  status: Verdict['status'];
  tone: Tone;
  headline: string;
  lines: string[];
  link: { href: string; label: string } | null;
}

const TONES: Record<Verdict['status'], Tone> = {
  valid: 'ok',
  expired: 'warn',
  revoked: 'bad',
  superseded: 'info',
};

export function describeVerdict(v: Verdict, locale: Locale): VerdictView {
  const t = verdictStrings(locale);
  const date = (d: string) => formatDate(d, locale);
  const lines: string[] = [];
  let link: VerdictView['link'] = null;
  switch (v.status) {
    case 'valid':
      lines.push(t('validLine', { date: date(v.validUntil) }));
      break;
    case 'expired':
      lines.push(t('expiredLine', { since: date(v.since ?? v.validUntil), validUntil: date(v.validUntil) }));
      break;
    case 'revoked':
      if (v.revocation) {
        lines.push(
          t('revokedLine', { date: date(v.revocation.date) }),
          t('revokedReason', { reason: v.revocation.reason }),
        );
        if (v.revocation.decision) lines.push(t('revokedDecision', { decision: v.revocation.decision }));
      }
      break;
    case 'superseded':
      if (v.supersededBy) {
        const n = v.supersededBy;
        lines.push(
          t('supersededLine', {
            since: date(v.since ?? v.asOf),
            level: LEVEL_NAMES[n.level][locale],
            year: n.year,
            number: n.number ? t('supersededNumber', { number: n.number }) : '',
          }),
        );
        link = { href: localePath(locale, n.url), label: t('supersededLink') };
      }
      break;
  }
  if (v.revocationScheduled) {
    lines.push(
      t('scheduledRevocation', {
        date: date(v.revocationScheduled.date),
        reason: v.revocationScheduled.reason,
      }),
    );
  }
  return { status: v.status, tone: TONES[v.status], headline: t(`${v.status}Headline`), lines, link };
}

/** What the check of the code on a badge found, relative to the page it was scanned to. */
export type BadgeOutcome =
  | { kind: 'genuine' }
  | { kind: 'outdated'; claims: BadgeClaims }
  | { kind: 'other_certificate'; number: string }
  | { kind: 'unknown_certificate' }
  | { kind: 'forged' };

export function describeBadge(outcome: BadgeOutcome, locale: Locale): { tone: Tone; text: string } {
  const t = verdictStrings(locale);
  switch (outcome.kind) {
    case 'genuine':
      return { tone: 'ok', text: t('badgeGenuine') };
    case 'outdated':
      return {
        tone: 'warn',
        text: t('badgeOutdated', {
          level: LEVEL_NAMES[outcome.claims.level][locale],
          year: outcome.claims.year,
          date: formatDate(outcome.claims.validUntil, locale),
        }),
      };
    case 'other_certificate':
      return { tone: 'bad', text: t('badgeOtherCertificate', { number: outcome.number }) };
    case 'unknown_certificate':
      return { tone: 'bad', text: t('badgeUnknownCertificate') };
    case 'forged':
      return { tone: 'bad', text: t('badgeForged') };
  }
}

/**
 * The badge outcome from GET /api/verify?code={code on the badge}, for the page of
 * `pageCertificateId`; null when the answer says nothing about the badge (server trouble).
 */
export function badgeOutcomeFromResponse(
  pageCertificateId: string,
  httpStatus: number,
  body: unknown,
): BadgeOutcome | null {
  if (httpStatus === 400) return { kind: 'forged' };
  if (httpStatus === 404) return { kind: 'unknown_certificate' };
  if (httpStatus !== 200) return null;
  const record = body as {
    certificate: { id: string; number: string | null };
    badge: { claims: BadgeClaims; matchesRegister: boolean } | null;
  };
  if (record.certificate.id !== pageCertificateId) {
    return { kind: 'other_certificate', number: record.certificate.number ?? record.certificate.id };
  }
  if (record.badge && !record.badge.matchesRegister) return { kind: 'outdated', claims: record.badge.claims };
  return { kind: 'genuine' };
}
