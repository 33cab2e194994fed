/**
 * Which parts of a product page the live fragment replaces (./live-offer.ts): those whose
 * version differs from the page's. A part the page does not have is left out, and so is a name
 * that is not a plain word (it goes into a selector).
 */
export interface IncomingPart {
  name: string;
  version: string | undefined;
}

const PART_NAME = /^[a-z][a-z-]*$/;

export function partsToSwap(
  versionOnPage: (name: string) => string | undefined | null,
  incoming: readonly IncomingPart[],
): string[] {
  return incoming
    .filter(({ name, version }) => {
      if (!PART_NAME.test(name) || version === undefined) return false;
      const current = versionOnPage(name);
      return current !== undefined && current !== null && current !== version;
    })
    .map(({ name }) => name);
}
