/**
 * <live-verdict>: the certificate page's verdict island. Replaces the build-time verdict with the
 * live one from GET /api/verify, and when the page was opened from a badge (?c=…) checks the
 * badge's signed code too; the same answer brings the photo the facility uploaded, if any
 * (./live-photo.ts). Unlike the other islands, whose words come from the server in data
 * attributes, it words answers it fetches at run time, so it imports the same small pure wording
 * module (verdict.ts, verdict-strings.ts) the server renders the build-time verdict with.
 */
import { formatDate } from '~/i18n/format';
import { LOCALE_TAGS, type Locale } from '~/i18n/locales';
import type { VerificationRecord } from '~/verification/public-record';
import { badgeOutcomeFromResponse, describeBadge, describeVerdict, TONE_ICONS } from '~/verification/verdict';
import { verdictStrings } from '~/verification/verdict-strings';
import type { VerifyAnswer } from '~/verification/verify-api';
import { showLivePhoto } from './live-photo';

async function ask(code: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`/api/verify?code=${encodeURIComponent(code)}`, {
    headers: { accept: 'application/json' },
  });
  return { status: res.status, body: await res.json() };
}

function field(root: HTMLElement, name: string): HTMLElement {
  return root.querySelector<HTMLElement>(`[data-${name}]`)!;
}

function showVerdict(root: HTMLElement, record: VerificationRecord, locale: Locale): void {
  const view = describeVerdict(record, locale);
  root.className = `verdict verdict-${view.tone}`;
  field(root, 'verdict-icon').textContent = TONE_ICONS[view.tone];
  field(root, 'verdict-headline').textContent = view.headline;
  field(root, 'verdict-lines').replaceChildren(
    ...view.lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })),
  );
  const link = field(root, 'verdict-link');
  link.hidden = !view.link;
  link.replaceChildren(
    ...(view.link
      ? [Object.assign(document.createElement('a'), { href: view.link.href, textContent: view.link.label })]
      : []),
  );
}

function showBadge(
  root: HTMLElement,
  panel: HTMLElement,
  code: string,
  status: number,
  body: unknown,
  locale: Locale,
): void {
  const outcome = badgeOutcomeFromResponse(root.dataset.certificateId!, status, body);
  if (!outcome) return;
  const { tone, text } = describeBadge(outcome, locale);
  panel.className = `badge-check badge-check-${tone}`;
  const children: HTMLElement[] = [Object.assign(document.createElement('p'), { textContent: text })];
  if (tone === 'bad') {
    const report = new URL(root.dataset.reportHref!, location.href);
    report.searchParams.set('code', code);
    children.push(
      Object.assign(document.createElement('a'), {
        href: report.href,
        textContent: verdictStrings(locale)('reportLink'),
      }),
    );
  }
  panel.replaceChildren(...children);
  panel.hidden = false;
}

async function refresh(root: HTMLElement, badgePanel: HTMLElement | null): Promise<void> {
  const locale: Locale = root.dataset.locale === 'en' ? 'en' : 'vi';
  const t = verdictStrings(locale);
  const asOf = field(root, 'verdict-asof');
  const built = asOf.textContent ?? '';
  asOf.textContent = `${built} ${t('checking')}`;
  const badgeCode = new URLSearchParams(location.search).get('c');
  try {
    const [live, badge] = await Promise.all([
      ask(root.dataset.certificateId!),
      badgeCode ? ask(badgeCode) : undefined,
    ]);
    if (live.status === 200) {
      const record = live.body as VerifyAnswer;
      showVerdict(root, record, locale);
      showLivePhoto(record.product?.photo, locale);
      const time = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Asia/Ho_Chi_Minh',
      }).format(new Date());
      asOf.textContent = t('live', { time, date: formatDate(record.asOf, locale) });
    } else {
      asOf.textContent = built;
    }
    if (badge && badgeCode && badgePanel)
      showBadge(root, badgePanel, badgeCode, badge.status, badge.body, locale);
  } catch {
    const date = root.dataset.asOf ?? '';
    asOf.textContent = t('liveFailed', { date });
  }
}

class LiveVerdict extends HTMLElement {
  connectedCallback(): void {
    const root = this.querySelector<HTMLElement>('[data-verify-live]');
    if (root) void refresh(root, this.querySelector<HTMLElement>('[data-badge-check]'));
  }
}

customElements.define('live-verdict', LiveVerdict);
