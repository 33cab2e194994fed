/** <basket-link>: the quote basket link says how many lines the basket holds once it has any. */
import { formatNumber } from '~/i18n/format';
import { onBasketChange, readBasket } from './basket-store';

class BasketLink extends HTMLElement {
  private stopListening: (() => void) | undefined;
  /** The server's text ("Quote basket"), shown while the basket is empty. */
  private emptyText: string | undefined;

  connectedCallback(): void {
    const link = this.querySelector('a')!;
    this.emptyText ??= link.textContent ?? '';
    const empty = this.emptyText;
    const locale = this.dataset.locale === 'en' ? 'en' : 'vi';
    const render = () => {
      const count = readBasket().length;
      link.textContent =
        count > 0 ? (this.dataset.inBasket ?? '').replace('{count}', formatNumber(count, locale)) : empty;
    };
    this.stopListening = onBasketChange(render);
    render();
  }

  disconnectedCallback(): void {
    this.stopListening?.();
  }
}

customElements.define('basket-link', BasketLink);
