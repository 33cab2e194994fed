/** Paths of the sourcing pages without the locale prefix (wrap in localePath). Browser-safe. */
export const WHOLESALE_PATH = '/wholesale/';
export const BASKET_PATH = '/wholesale/basket/';
export const QUOTE_LOOKUP_PATH = '/wholesale/quotes/';
export const quotePath = (reference: string): string => `/wholesale/quotes/${reference}/`;
export const answerPath = (token: string): string => `/wholesale/answer/${token}/`;
export const exportPath = (format: 'csv' | 'xlsx', params: URLSearchParams): string =>
  `/api/wholesale/export.${format}?${params}`;
