/**
 * 503 for a request that failed because the database is down (a restart, a crash, a network
 * cut: ~/db/unavailable.ts), with Retry-After, instead of Astro's 500: clients and load
 * balancers then know to retry, and it is not logged as a bug. Other errors go on to Astro.
 */
import { log } from '~/config/log';
import { isDatabaseUnavailable } from '~/db/unavailable';
import { apiError } from './json';

/** Seconds a client should wait before trying again: about a database restart's length. */
const RETRY_AFTER_SECONDS = 5;

const PAGE_MESSAGE =
  'Dịch vụ đang tạm gián đoạn. Vui lòng thử lại sau ít phút.\n' +
  'The service is briefly unavailable. Please try again in a few minutes.\n';

export function serviceUnavailable(pathname: string): Response {
  const response = pathname.startsWith('/api/')
    ? apiError(503, 'service_unavailable', 'The service is briefly unavailable; please try again shortly.')
    : new Response(PAGE_MESSAGE, {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
  response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
  return response;
}

/** Runs a request's handling (the middleware's `next()` and what surrounds it). */
export async function answeringOutages(pathname: string, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    log().warn({ err: error }, 'database unavailable: answered 503');
    return serviceUnavailable(pathname);
  }
}
