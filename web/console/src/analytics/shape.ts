import type { Count } from '../api/types';

export interface Share {
  label: string;
  calls: number;
  /** Whole percent of all calls counted (0 when there were none). */
  percent: number;
}

/** Counts as shares of their total, largest first (ties by label), for bars that also read as text. */
export function shares(counts: Count[]): Share[] {
  const total = counts.reduce((sum, c) => sum + c.calls, 0);
  return [...counts]
    .sort((a, b) => b.calls - a.calls || a.label.localeCompare(b.label))
    .map((c) => ({ label: c.label, calls: c.calls, percent: total === 0 ? 0 : Math.round((c.calls / total) * 100) }));
}

export interface Series {
  label: string;
  values: number[];
}

/** Daily rows as the x axis (days) and one series per named value, in the order given. */
export function toSeries<T extends { day: string }>(rows: T[], series: { label: string; value: (row: T) => number }[]):
  { days: string[]; series: Series[] } {
  return {
    days: rows.map((r) => r.day),
    series: series.map((s) => ({ label: s.label, values: rows.map((r) => Number(s.value(r) ?? 0)) })),
  };
}

/** Stacked values: each series adds the ones before it, so stacked bars can be drawn as overlapping bars. */
export function stack(series: Series[]): Series[] {
  const sums: number[] = [];
  return series.map((s) => ({
    label: s.label,
    values: s.values.map((v, i) => (sums[i] = (sums[i] ?? 0) + v)),
  }));
}

/** The rows of a cost table per provider: stage order stt, llm, tts, then most expensive first. */
export function providerRows<T extends { stage: string; provider: string; costUsd: number }>(rows: T[]): T[] {
  const order = ['stt', 'llm', 'tts'];
  return [...rows].sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage) || b.costUsd - a.costUsd || a.provider.localeCompare(b.provider));
}
