import { rangeToInstants, type DateRange } from '@spotfunnel/shared';

/** The call list's filters, as the page shows them and as its URL keeps them (shareable, back button works). */
export interface CallFilters {
  range: DateRange;
  /** Empty: every status. */
  statuses: string[];
  outcome: string;
  requiresAction: 'any' | 'true' | 'false';
  archived: 'exclude' | 'include' | 'only';
  q: string;
}

export const STATUSES = ['in_progress', 'completed', 'failed', 'transferred', 'abandoned'] as const;

export const EMPTY_FILTERS: CallFilters = {
  range: { from: '', to: '' }, statuses: [], outcome: '', requiresAction: 'any', archived: 'exclude', q: '',
};

/** The API's query parameters (GET /api/v1/calls and the CSV export take the same). */
export function toApiQuery(filters: CallFilters, tenantId?: string): Record<string, string> {
  const query: Record<string, string> = {};
  const { from, to } = rangeToInstants(filters.range);
  if (from) query.from = from;
  if (to) query.to = to;
  if (filters.statuses.length > 0) query.status = filters.statuses.join(',');
  if (filters.outcome.trim()) query.outcome = filters.outcome.trim();
  if (filters.requiresAction !== 'any') query.requiresAction = filters.requiresAction;
  if (filters.archived !== 'exclude') query.archived = filters.archived;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (tenantId) query.tenantId = tenantId;
  return query;
}

export function toSearchParams(filters: CallFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.range.from) params.set('from', filters.range.from);
  if (filters.range.to) params.set('to', filters.range.to);
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.outcome) params.set('outcome', filters.outcome);
  if (filters.requiresAction !== 'any') params.set('requiresAction', filters.requiresAction);
  if (filters.archived !== 'exclude') params.set('archived', filters.archived);
  if (filters.q) params.set('q', filters.q);
  return params;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function fromSearchParams(params: URLSearchParams): CallFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const statuses = (params.get('status') ?? '').split(',')
    .filter((s): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s));
  const requiresAction = params.get('requiresAction');
  const archived = params.get('archived');
  return {
    range: { from: day('from'), to: day('to') },
    statuses,
    outcome: params.get('outcome') ?? '',
    requiresAction: requiresAction === 'true' || requiresAction === 'false' ? requiresAction : 'any',
    archived: archived === 'include' || archived === 'only' ? archived : 'exclude',
    q: params.get('q') ?? '',
  };
}

/** Words for the API's labels: "appointment_booked" → "Appointment booked". */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

export function formatWhen(instant: string | null | undefined): string {
  if (!instant) return '—';
  return new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatUsd(value: number | null | undefined): string {
  if (value == null) return '—';
  return '$' + value.toFixed(value < 0.1 ? 4 : 2);
}

/**
 * Merges the newest page (polled) into the list shown: calls not yet shown and newer than the top go first,
 * calls already shown are replaced by their newer state (a call that ended). Only the pages seen are kept.
 */
export function mergeNewest<T extends { callId: string; startedAt?: string | null }>(shown: T[], newest: T[]): T[] {
  const fresh = new Map(newest.map((call) => [call.callId, call]));
  const shownIds = new Set(shown.map((call) => call.callId));
  const top = shown[0]?.startedAt ?? '';
  const added = newest.filter((call) => !shownIds.has(call.callId) && (call.startedAt ?? '') >= top);
  return [...added, ...shown.map((call) => fresh.get(call.callId) ?? call)];
}
