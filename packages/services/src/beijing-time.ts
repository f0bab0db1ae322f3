/** "2026-12-04 21:31": a stored UTC moment as people here read it, in Beijing time (UTC+8). */
export function beijingTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // China keeps no daylight saving time: Beijing time is UTC+8 all year.
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
