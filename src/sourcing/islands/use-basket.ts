/** The quote basket (../client/basket-store.ts) as React state, for the basket page's islands. */
import { useSyncExternalStore } from 'react';
import { type BasketEntry, onBasketChange, readBasket } from '~/sourcing/client/basket-store';

const SERVER_SNAPSHOT: BasketEntry[] = [];

/** The basket as React state; empty during server rendering. */
export function useBasket(): BasketEntry[] {
  return useSyncExternalStore(onBasketChange, readBasket, () => SERVER_SNAPSHOT);
}

/** True once the island runs in the browser (server HTML renders before that). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );
}
