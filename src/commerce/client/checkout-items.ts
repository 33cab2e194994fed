/**
 * <checkout-items>: on the checkout page, turns the browser's cart into the form's item
 * fields (sku + quantity pairs) and a summary with the shipping rule. When the server already
 * rendered items ("Buy now", or the form coming back with errors) they are left as they are.
 */

import { type ShippingRule, shippingFee, unitPriceFor } from '~/commerce/cart/pricing';
import { formatVnd } from '~/i18n/format';
import { h } from '~/ui/client/dom';
import { readCart } from './cart-store';

class CheckoutItems extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.source === 'server') return;
    const lines = readCart().filter((l) => l.maxQuantity > 0);
    const locale = this.dataset.locale === 'en' ? 'en' : 'vi';
    const labels = JSON.parse(this.dataset.labels ?? '{}') as Record<
      'shipping' | 'shippingFree' | 'total',
      string
    >;
    const rule = JSON.parse(this.dataset.shipping ?? '{"flatFee":0,"freeFrom":0}') as ShippingRule;
    const lineTotal = (l: (typeof lines)[number]) => unitPriceFor(l, l.quantity) * l.quantity;
    const perFacility = new Map<string, number>();
    for (const l of lines) perFacility.set(l.facilityId, (perFacility.get(l.facilityId) ?? 0) + lineTotal(l));
    const shipping = [...perFacility.values()].reduce(
      (sum, subtotal) => sum + shippingFee(subtotal, rule),
      0,
    );
    const goods = [...perFacility.values()].reduce((a, b) => a + b, 0);
    this.querySelector<HTMLElement>('[data-items]')!.replaceChildren(
      ...lines.map((l) =>
        h(
          'li',
          {},
          h('input', { type: 'hidden', name: 'sku', value: l.sku }),
          h('input', { type: 'hidden', name: 'quantity', value: l.quantity }),
          `${l.productName} – ${l.variantName} × ${l.quantity}: `,
          h('strong', {}, formatVnd(lineTotal(l), locale)),
        ),
      ),
    );
    if (lines.length) {
      this.querySelector<HTMLElement>('[data-totals]')!.replaceChildren(
        h('dt', {}, labels.shipping),
        h('dd', {}, shipping ? formatVnd(shipping, locale) : labels.shippingFree),
        h('dt', {}, labels.total),
        h('dd', {}, h('strong', {}, formatVnd(goods + shipping, locale))),
      );
    }
    this.querySelector<HTMLElement>('[data-empty]')!.hidden = lines.length > 0;
    const submit = this.closest('form')?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = lines.length === 0;
  }
}

customElements.define('checkout-items', CheckoutItems);
