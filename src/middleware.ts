/**
 * Astro middleware: the back office's one authorisation guard (src/accounts/guard.ts) in
 * front of every on-demand request to a back-office path. Static pages are not guarded here
 * (they are built, not asked for), which is why tests/accounts/route-access.test.ts also checks
 * that every back-office route renders on demand. Around everything: a database outage is
 * answered 503 (src/http/unavailable.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { guardBackOffice } from '~/accounts/astro';
import { answeringOutages } from '~/http/unavailable';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  // A request that fails because the database is down gets 503, not Astro's 500.
  return answeringOutages(context.url.pathname, async () => {
    const refused = await guardBackOffice(context.url.pathname, context.request, context.locals);
    if (refused) return refused;
    const response = await next();
    if (context.locals.principal) {
      response.headers.set('cache-control', 'no-store');
      response.headers.set('x-robots-tag', 'noindex, nofollow');
    }
    return response;
  });
});
