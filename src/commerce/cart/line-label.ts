/**
 * How an order line is named. Listings usually name a variant "Product – pack"
 * ("Nước mắm Phú Quốc – Chai 500 ml", in English "Phú Quốc fish sauce – 500 ml bottle"),
 * sometimes only by kind ("Loại 1"): show each part once, in the variant's own language
 * when it names itself fully.
 */
const DASH = ' – ';

/** The variant's own part, for a list under the product's name (the buy box). */
export function variantLabel(productName: string, variantName: string, packSize?: string): string {
  if (variantName.startsWith(productName)) {
    return variantName.slice(productName.length).replace(/^[\s–—:,-]+/, '') || packSize || variantName;
  }
  const dash = variantName.indexOf(DASH);
  if (dash > 0) return variantName.slice(dash + DASH.length);
  return packSize && !variantName.includes(packSize) ? `${variantName}, ${packSize}` : variantName;
}

/** The whole line's name: the variant's full name when it has one, else "Product – variant, pack". */
export function lineLabel(productName: string, variantName: string, packSize?: string): string {
  if (variantName.includes(DASH)) return variantName;
  return `${productName}${DASH}${variantLabel(productName, variantName, packSize)}`;
}
