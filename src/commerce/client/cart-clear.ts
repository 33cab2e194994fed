/** <cart-clear data-skus="A,B">: after an order is placed, takes its items out of the cart. */
import { removeFromCart } from './cart-store';

class CartClear extends HTMLElement {
  connectedCallback(): void {
    removeFromCart((this.dataset.skus ?? '').split(',').filter(Boolean));
  }
}

customElements.define('cart-clear', CartClear);
