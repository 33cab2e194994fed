/**
 * Groups items by a key. Groups keep the order their first item appears in, and items keep their
 * input order inside a group, so callers that walk the map get a stable, input-defined order.
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
