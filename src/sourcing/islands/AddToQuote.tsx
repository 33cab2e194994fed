/**
 * "Add to quote basket" beside an offer (the /wholesale/ results and the product page): a
 * quantity starting at the MOQ and a button. Without JavaScript the button stays disabled and
 * the page around it still shows every term.
 */
import { useId, useState } from 'react';
import { formatNumber } from '../../i18n/format';
import { localePath, type Locale } from '../../i18n/locales';
import { BASKET_PATH } from '../paths';
import { sourcingStrings } from '../strings';
import { putInBasket, useBasket, useHydrated, type OfferSnapshot } from './basket-store';

interface Props {
  offer: OfferSnapshot;
  locale: Locale;
}

export default function AddToQuote({ offer, locale }: Props) {
  const t = sourcingStrings(locale);
  const id = useId();
  const hydrated = useHydrated();
  const inBasket = useBasket().find((e) => e.offer.sku === offer.sku);
  const [quantity, setQuantity] = useState(String(offer.minOrderQuantity));
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);

  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const n = Number(quantity);
    if (!Number.isInteger(n) || n < offer.minOrderQuantity) {
      setError(t('errorBelowMoq', { moq: formatNumber(offer.minOrderQuantity, locale) }));
      return;
    }
    setError(null);
    putInBasket(offer, n);
    setAdded(true);
  }

  const status = added ? t('addedToBasket') : inBasket ? t('inBasket', { count: formatNumber(inBasket.quantity, locale) }) : '';
  return (
    <form className="add-to-quote" data-sku={offer.sku} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('addQuantity', { product: `${offer.productName} – ${offer.variantName}` })}
      </label>
      <input
        id={`${id}-q`}
        type="number"
        inputMode="numeric"
        min={offer.minOrderQuantity}
        step={1}
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
      />
      <button type="submit" className="button" disabled={!hydrated}>
        {t('addToBasket')}
      </button>
      {error && (
        <span id={`${id}-e`} className="error">
          {error}
        </span>
      )}
      <span role="status" className="add-to-quote-status">
        {status && (
          <>
            {status} · <a href={localePath(locale, BASKET_PATH)}>{t('basketLink')}</a>
          </>
        )}
      </span>
    </form>
  );
}
