import { expect, it } from 'vitest';
import { lastDays, outcomeShares } from './figures';

it('counts the last 30 days including today', () => {
  expect(lastDays(30, new Date('2026-11-30T12:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
});

it('gives each outcome its share, largest first', () => {
  expect(outcomeShares([{ outcome: 'unknown', calls: 1 }, { outcome: 'appointment_booked', calls: 3 }])).toEqual([
    { outcome: 'appointment_booked', calls: 3, percent: 75 },
    { outcome: 'unknown', calls: 1, percent: 25 },
  ]);
  expect(outcomeShares([])).toEqual([]);
});
