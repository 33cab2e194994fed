/** <cart-count>: the number of units in the cart, next to the header's cart link. */
import { onCartChange, readCart, unitCount } from './cart-store';

class CartCount extends HTMLElement {
  connectedCallback(): void {
    const render = () => {
      const count = unitCount(readCart());
      this.hidden = count === 0;
      this.textContent = String(count);
      this.setAttribute('aria-label', (this.dataset.label ?? '{count}').replace('{count}', String(count)));
    };
    render();
    onCartChange(render);
  }
}

customElements.define('cart-count', CartCount);
