/** Today's date in Vietnam (UTC+7, no daylight saving), as yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
