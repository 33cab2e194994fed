/**
 * <buy-box>: enhances the product page's buy form. Without JavaScript the form's "Buy now"
 * goes straight to checkout with one item; with it, "Add to cart" keeps the choice in the
 * browser's cart.
 */
import { addToCart, type CartLine } from './cart-store';

interface BuyBoxData {
  productId: string;
  productName: string;
  facilityId: string;
  facilityName: string;
  variants: Record<string, Pick<CartLine, 'variantName' | 'price' | 'wholesaleTiers' | 'maxQuantity'>>;
  addedTemplate: string;
}

class BuyBox extends HTMLElement {
  connectedCallback(): void {
    const data = JSON.parse(this.dataset.product ?? '{}') as BuyBoxData;
    const form = this.querySelector('form')!;
    const add = this.querySelector<HTMLButtonElement>('[data-add]')!;
    const quantity = form.elements.namedItem('quantity') as HTMLInputElement;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const message = status.querySelector<HTMLElement>('[data-message]')!;
    const selected = () => (form.querySelector<HTMLInputElement>('input[name="sku"]:checked') ?? null)?.value;
    const syncMax = () => {
      const variant = data.variants[selected() ?? ''];
      if (variant) quantity.max = String(variant.maxQuantity);
    };
    form.addEventListener('change', syncMax);
    syncMax();
    add.hidden = false;
    add.addEventListener('click', () => {
      const sku = selected();
      const variant = sku ? data.variants[sku] : undefined;
      if (!sku || !variant || !quantity.reportValidity()) return;
      const wanted = Number(quantity.value);
      addToCart({
        sku,
        productId: data.productId,
        productName: data.productName,
        facilityId: data.facilityId,
        facilityName: data.facilityName,
        quantity: wanted,
        ...variant,
      });
      message.textContent = data.addedTemplate
        .replace('{quantity}', String(wanted))
        .replace('{name}', `${data.productName} – ${variant.variantName}`);
      status.hidden = false;
    });
  }
}

customElements.define('buy-box', BuyBox);
