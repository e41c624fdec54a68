import type { DateRange } from '@spotfunnel/shared';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last `n` days up to today (UTC days, as the API counts them). */
export function lastDays(n: number, today: Date = new Date()): DateRange {
  const from = new Date(today);
  from.setUTCDate(from.getUTCDate() - (n - 1));
  return { from: isoDay(from), to: isoDay(today) };
}

/** Each outcome's share of all calls, whole percent, largest first. */
export function outcomeShares(outcomes: { outcome: string; calls: number }[]) {
  const total = outcomes.reduce((sum, o) => sum + o.calls, 0);
  return [...outcomes].sort((a, b) => b.calls - a.calls)
    .map((o) => ({ ...o, percent: total === 0 ? 0 : Math.round((o.calls / total) * 100) }));
}
