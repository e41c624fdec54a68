/** Display helpers shared by the console's pages; every one takes null (the API's records carry nulls). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function formatUsd(value: number | null | undefined, digits = 4): string {
  return value == null ? '—' : '$' + value.toFixed(digits);
}

export function formatPercent(rate: number | null | undefined): string {
  return rate == null ? '—' : (rate * 100).toFixed(1) + ' %';
}

/** Today as yyyy-mm-dd in UTC (the analytics API's days are UTC days). */
export function utcDay(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}

export function daysBefore(days: number, date: Date = new Date()): string {
  return utcDay(new Date(date.getTime() - days * 86_400_000));
}

/** A label from the API (`book_appointment`) as words (`book appointment`). */
export function words(label: string | null | undefined): string {
  return (label ?? 'unknown').replace(/_/g, ' ');
}
