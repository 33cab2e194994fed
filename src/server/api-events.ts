/**
 * Order, payment and webhook outcomes as log events: one line per API call that changes an
 * order, with its order number or error code, in the request's log context (request id).
 * Personal data never reaches the line (the logger masks phones and e-mails in any case).
 */
import { log } from '~/config/log';

export async function logApiEvent(event: string, response: Response): Promise<void> {
  const fields: Record<string, unknown> = { event, status: response.status };
  try {
    const body = (await response.clone().json()) as {
      orderNumber?: unknown;
      status?: unknown;
      error?: { code?: unknown };
    };
    if (typeof body.orderNumber === 'string') fields.orderNumber = body.orderNumber;
    if (typeof body.error?.code === 'string') fields.code = body.error.code;
  } catch {
    // Not a JSON body: the status says enough.
  }
  const logger = log();
  if (response.status >= 500) logger.error(fields, event);
  else if (response.status >= 400) logger.warn(fields, event);
  else logger.info(fields, event);
}
