/**
 * How an order line is named. Listings often name a variant after the product and pack size
 * ("Nước mắm Phú Quốc – Chai 500 ml"), sometimes only by kind ("Loại 1"): show each part once.
 */

/** The variant's own part: without a leading product name, with the pack size when not already in it. */
export function variantLabel(productName: string, variantName: string, packSize?: string): string {
  let own = variantName.startsWith(productName) ? variantName.slice(productName.length).replace(/^[\s–—:,-]+/, '') : variantName;
  if (!own) own = packSize ?? variantName;
  return packSize && !own.includes(packSize) ? `${own}, ${packSize}` : own;
}

/** "Product – variant, pack size", each part once. */
export function lineLabel(productName: string, variantName: string, packSize?: string): string {
  return `${productName} – ${variantLabel(productName, variantName, packSize)}`;
}
