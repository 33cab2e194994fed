/**
 * The path of a request as it is logged: without query values (`?email=`, `?phone=` hold
 * personal data; only the parameter names are kept) and without signed-link tokens (a facility's
 * order or quote link is a credential), e.g. `/facility/orders/[token]/`.
 */
const TOKEN_SEGMENT = /^[A-Za-z0-9_.~-]{32,}$/;

export function loggedPath(url: string): string {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const shown = pathname
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? '[token]' : segment))
    .join('/');
  if (q < 0) return shown;
  const names = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return names.length ? `${shown}?${[...new Set(names)].map((n) => `${n}=`).join('&')}` : shown;
}
