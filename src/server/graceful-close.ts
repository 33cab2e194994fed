/**
 * Stopping an HTTP server without cutting requests short: stop accepting, let in-flight
 * requests finish, close idle keep-alive connections as soon as they go idle, and after
 * `graceMs` close whatever is left (a stuck client must not hold the shutdown forever).
 */
import type { Server } from 'node:http';

export async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection whose response just finished would otherwise wait for its timeout.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(deadline);
  }
}
