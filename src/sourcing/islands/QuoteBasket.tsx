/**
 * The quote basket page's island: lines grouped by facility with quantities (at least the
 * MOQ) and indicative tier prices, export links, and the company form that sends one quote
 * request (POST /api/quotes), answered per facility.
 */
import { useMemo, useState } from 'react';
import { formatNumber, formatVnd } from '~/i18n/format';
import { type Locale, localePath } from '~/i18n/locales';
import { formatBasketParam } from '~/sourcing/basket-items';
import { type BasketEntry, clearBasket, removeFromBasket, setQuantity } from '~/sourcing/client/basket-store';
import { exportPath, quotePath, WHOLESALE_PATH } from '~/sourcing/paths';
import { sourcingStrings } from '~/sourcing/strings';
import { indicativeLine } from '~/sourcing/tier-pricing';
import QuoteForm, { type SentQuote } from './QuoteForm';
import { useBasket, useHydrated } from './use-basket';

interface Props {
  locale: Locale;
  provinces: string[];
}

export default function QuoteBasket({ locale, provinces }: Props) {
  const t = sourcingStrings(locale);
  const hydrated = useHydrated();
  const entries = useBasket();
  const [lineErrors, setLineErrors] = useState<Map<number, { field: string; message: string }>>(new Map());
  const [sent, setSent] = useState<SentQuote | null>(null);

  const byFacility = useMemo(() => {
    const groups = new Map<string, { name: string; lines: { entry: BasketEntry; index: number }[] }>();
    entries.forEach((entry, index) => {
      const group = groups.get(entry.offer.facilityId) ?? { name: entry.offer.facilityName, lines: [] };
      group.lines.push({ entry, index });
      groups.set(entry.offer.facilityId, group);
    });
    return [...groups.values()];
  }, [entries]);

  if (!hydrated) return null;
  if (sent) return <QuoteSent sent={sent} locale={locale} />;
  if (entries.length === 0) {
    return (
      <p>
        {t('basketEmpty')} <a href={localePath(locale, WHOLESALE_PATH)}>{t('backToSourcing')}</a>
      </p>
    );
  }

  const total = entries.reduce((sum, e) => sum + indicativeLine(e.offer, e.quantity).total, 0);
  const items = formatBasketParam(entries.map((e) => ({ sku: e.offer.sku, quantity: e.quantity })));
  const exportHref = (format: 'csv' | 'xlsx') =>
    exportPath(format, new URLSearchParams({ items, lang: locale }));

  return (
    <>
      {byFacility.map((group) => (
        <section key={group.name} className="basket-facility" aria-label={group.name}>
          <h2>{group.name}</h2>
          <table className="basket-table">
            <thead>
              <tr>
                <th scope="col">{t('colProduct')}</th>
                <th scope="col">{t('quantity')}</th>
                <th scope="col">{t('indicativeUnit')}</th>
                <th scope="col">{t('indicativeTotal')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('removeShort')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.lines.map(({ entry, index }) => (
                <BasketLine
                  key={entry.offer.sku}
                  entry={entry}
                  locale={locale}
                  serverError={lineErrors.get(index)}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="basket-total">
        <strong>
          {t('basketTotal')}: {formatVnd(total, locale)}
        </strong>{' '}
        · {t('facilityCount', { count: formatNumber(byFacility.length, locale) })}
      </p>
      <p className="export-links">
        <a href={exportHref('csv')} download>
          {t('exportCsv')}
        </a>{' '}
        ·{' '}
        <a href={exportHref('xlsx')} download>
          {t('exportXlsx')}
        </a>
      </p>
      <QuoteForm
        locale={locale}
        provinces={provinces}
        entries={entries}
        onLineErrors={setLineErrors}
        onSent={(quote) => {
          setSent(quote);
          clearBasket();
        }}
      />
    </>
  );
}

function BasketLine({
  entry,
  locale,
  serverError,
}: {
  entry: BasketEntry;
  locale: Locale;
  serverError: { field: string; message: string } | undefined;
}) {
  const t = sourcingStrings(locale);
  const { offer } = entry;
  const [draft, setDraft] = useState(String(entry.quantity));
  const n = Number(draft);
  const valid = Number.isInteger(n) && n >= offer.minOrderQuantity;
  const line = indicativeLine(offer, entry.quantity);
  const errorId = `qty-error-${offer.sku}`;
  const moq = formatNumber(offer.minOrderQuantity, locale);
  const error =
    !valid || serverError?.field === 'quantity' ? t('errorBelowMoq', { moq }) : serverError?.message;
  const label = `${offer.productName} – ${offer.variantName}`;
  return (
    <tr>
      <td>
        <a href={localePath(locale, offer.productPath)}>{offer.productName}</a>
        <br />
        <span className="muted">
          {offer.variantName} · {offer.sku}
        </span>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`qty-${offer.sku}`}>
          {t('addQuantity', { product: label })}
        </label>
        <input
          id={`qty-${offer.sku}`}
          className="quantity-input"
          type="number"
          inputMode="numeric"
          min={offer.minOrderQuantity}
          step={1}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : `moq-${offer.sku}`}
          onChange={(e) => {
            setDraft(e.target.value);
            const next = Number(e.target.value);
            if (Number.isInteger(next) && next >= offer.minOrderQuantity) setQuantity(offer.sku, next);
          }}
        />
        <br />
        {error ? (
          <span id={errorId} className="error">
            {error}
          </span>
        ) : (
          <span id={`moq-${offer.sku}`} className="muted">
            {t('minimum', { moq })}
          </span>
        )}
      </td>
      <td>{formatVnd(line.unitPrice, locale)}</td>
      <td>{formatVnd(line.total, locale)}</td>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={() => removeFromBasket(offer.sku)}
          aria-label={t('remove', { product: label })}
        >
          {t('removeShort')}
        </button>
      </td>
    </tr>
  );
}

function QuoteSent({ sent, locale }: { sent: SentQuote; locale: Locale }) {
  const t = sourcingStrings(locale);
  const statusHref = `${localePath(locale, quotePath(sent.reference))}?${new URLSearchParams({ email: sent.email })}`;
  return (
    <div className="quote-sent card" role="status">
      <h2>
        {t('quoteSent', { reference: sent.reference, count: formatNumber(sent.requests.length, locale) })}
      </h2>
      <p>{t('quoteSentHint')}</p>
      <ul>
        {sent.requests.map((r) => (
          <li key={r.facility.id}>
            {r.facility.name}:{' '}
            {r.items.map((i) => `${i.product} × ${formatNumber(i.quantity, locale)}`).join(', ')}
          </li>
        ))}
      </ul>
      <p>
        <a className="button button-primary" href={statusHref}>
          {t('viewQuote')}
        </a>
      </p>
    </div>
  );
}
