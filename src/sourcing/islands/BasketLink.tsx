/** A link to the quote basket with the number of lines in it (counted in the browser). */
import { formatNumber } from '../../i18n/format';
import { localePath, type Locale } from '../../i18n/locales';
import { BASKET_PATH } from '../paths';
import { sourcingStrings } from '../strings';
import { useBasket } from './basket-store';

export default function BasketLink({ locale }: { locale: Locale }) {
  const t = sourcingStrings(locale);
  const count = useBasket().length;
  return (
    <a className="button basket-link" href={localePath(locale, BASKET_PATH)}>
      {count > 0 ? t('inBasket', { count: formatNumber(count, locale) }) : t('basketLink')}
    </a>
  );
}
