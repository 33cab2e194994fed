/**
 * <add-to-quote>: enables the server-rendered "add to quote basket" form. A quantity below the
 * MOQ shows the error under the field; otherwise the offer goes into the basket and the status
 * says so. Before that, the status shows how many units of this offer are already in it.
 */
import { formatNumber } from '~/i18n/format';
import { type OfferSnapshot, onBasketChange, putInBasket, readBasket } from './basket-store';

class AddToQuote extends HTMLElement {
  private render: (() => void) | undefined;
  private stopListening: (() => void) | undefined;

  connectedCallback(): void {
    this.render ??= this.enhance();
    this.stopListening = onBasketChange(this.render);
    this.render();
  }

  disconnectedCallback(): void {
    this.stopListening?.();
  }

  /** Wires the form once; returns what redraws the status. */
  private enhance(): () => void {
    const offer = JSON.parse(this.dataset.offer ?? '{}') as OfferSnapshot;
    const locale = this.dataset.locale === 'en' ? 'en' : 'vi';
    const form = this.querySelector('form')!;
    const quantity = form.querySelector<HTMLInputElement>('input[type="number"]')!;
    const error = form.querySelector<HTMLElement>('.error')!;
    const message = form.querySelector<HTMLElement>('[data-message]')!;
    const basket = form.querySelector<HTMLElement>('[data-basket]')!;
    let added = false;

    const render = () => {
      const inBasket = readBasket().find((e) => e.offer.sku === offer.sku);
      const text = added
        ? (this.dataset.added ?? '')
        : inBasket
          ? (this.dataset.inBasket ?? '').replace('{count}', formatNumber(inBasket.quantity, locale))
          : '';
      message.textContent = text;
      basket.hidden = text === '';
    };
    const showError = (show: boolean) => {
      error.hidden = !show;
      if (show) {
        quantity.setAttribute('aria-invalid', 'true');
        quantity.setAttribute('aria-describedby', error.id);
      } else {
        quantity.removeAttribute('aria-invalid');
        quantity.removeAttribute('aria-describedby');
      }
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const n = Number(quantity.value);
      const valid = Number.isInteger(n) && n >= offer.minOrderQuantity;
      showError(!valid);
      if (!valid) return;
      putInBasket(offer, n);
      added = true;
      render();
    });
    form.querySelector('button')!.disabled = false;
    return render;
  }
}

customElements.define('add-to-quote', AddToQuote);
