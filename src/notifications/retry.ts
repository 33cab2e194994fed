/**
 * When to try a failed send again: exponential backoff from 30 s, capped at 6 h, giving up
 * after MAX_ATTEMPTS (about two days of trying). A mail server that is down for an hour
 * loses nothing.
 */
export const MAX_ATTEMPTS = 12;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** Delay before the next try after `attempts` failed tries (attempts ≥ 1). */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export function shouldGiveUp(attempts: number): boolean {
  return attempts >= MAX_ATTEMPTS;
}
