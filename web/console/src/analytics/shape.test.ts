import { expect, it } from 'vitest';
import { providerRows, shares, stack, toSeries } from './shape';

it('turns counts into shares, largest first', () => {
  expect(shares([{ label: 'b', calls: 1 }, { label: 'a', calls: 3 }])).toEqual([
    { label: 'a', calls: 3, percent: 75 }, { label: 'b', calls: 1, percent: 25 },
  ]);
  expect(shares([{ label: 'x', calls: 0 }])[0].percent).toBe(0);
});

it('shapes daily rows into series and stacks them', () => {
  const { days, series } = toSeries([{ day: '2026-03-01', stt: 1, llm: 2 }, { day: '2026-03-02', stt: 0, llm: 5 }], [
    { label: 'STT', value: (r) => r.stt }, { label: 'LLM', value: (r) => r.llm },
  ]);
  expect(days).toEqual(['2026-03-01', '2026-03-02']);
  expect(series).toEqual([{ label: 'STT', values: [1, 0] }, { label: 'LLM', values: [2, 5] }]);
  expect(stack(series)).toEqual([{ label: 'STT', values: [1, 0] }, { label: 'LLM', values: [3, 5] }]);
});

it('orders provider costs by stage, then cost', () => {
  const rows = providerRows([
    { stage: 'tts', provider: 'cartesia', costUsd: 1 },
    { stage: 'llm', provider: 'gemini', costUsd: 0.1 },
    { stage: 'llm', provider: 'openai', costUsd: 0.5 },
  ]);
  expect(rows.map((r) => r.provider)).toEqual(['openai', 'gemini', 'cartesia']);
});
