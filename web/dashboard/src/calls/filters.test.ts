import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, formatDuration, fromSearchParams, label, mergeNewest, toApiQuery, toSearchParams } from './filters';

describe('call filters', () => {
  it('send only what is set, in the API\'s words', () => {
    expect(toApiQuery(EMPTY_FILTERS)).toEqual({});
    const query = toApiQuery({
      ...EMPTY_FILTERS, statuses: ['completed', 'transferred'], requiresAction: 'true', archived: 'include',
      q: '  0412 ', outcome: 'appointment_booked',
    }, 'tenant-a');
    expect(query).toEqual({
      status: 'completed,transferred', requiresAction: 'true', archived: 'include', q: '0412',
      outcome: 'appointment_booked', tenantId: 'tenant-a',
    });
  });

  it('turn a day range into instants covering both whole days', () => {
    const query = toApiQuery({ ...EMPTY_FILTERS, range: { from: '2026-11-01', to: '2026-11-02' } });
    const from = new Date(query.from);
    const to = new Date(query.to);
    expect(from.getDate()).toBe(1);
    expect(to.getDate()).toBe(2);
    expect(to.getHours()).toBe(23);
  });

  it('survive a round trip through the URL and ignore junk', () => {
    const filters = { ...EMPTY_FILTERS, range: { from: '2026-11-01', to: '' }, statuses: ['failed'], q: 'refund', archived: 'only' as const };
    expect(fromSearchParams(toSearchParams(filters))).toEqual(filters);
    expect(fromSearchParams(new URLSearchParams('from=yesterday&status=bogus,failed&archived=all')))
      .toEqual({ ...EMPTY_FILTERS, statuses: ['failed'] });
  });
});

describe('a call that ends while the list is open', () => {
  const shown = [
    { callId: 'b', startedAt: '2026-11-02T10:00:00Z', status: 'in_progress' },
    { callId: 'a', startedAt: '2026-11-01T10:00:00Z', status: 'completed' },
  ];

  it('appears at the top, and a call already shown is updated in place', () => {
    const newest = [
      { callId: 'c', startedAt: '2026-11-03T09:00:00Z', status: 'completed' },
      { callId: 'b', startedAt: '2026-11-02T10:00:00Z', status: 'completed' },
    ];
    expect(mergeNewest(shown, newest)).toEqual([
      { callId: 'c', startedAt: '2026-11-03T09:00:00Z', status: 'completed' },
      { callId: 'b', startedAt: '2026-11-02T10:00:00Z', status: 'completed' },
      { callId: 'a', startedAt: '2026-11-01T10:00:00Z', status: 'completed' },
    ]);
  });
});

describe('words', () => {
  it('reads labels and durations', () => {
    expect(label('appointment_booked')).toBe('Appointment booked');
    expect(label(null)).toBe('—');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(9)).toBe('9 s');
  });
});
