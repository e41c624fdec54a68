import { expect, it } from 'vitest';
import { missingForCompletion, parseNumbers, resumeStep } from './wizard';

it('resumes at the first step not saved', () => {
  expect(resumeStep({ steps: {} })).toBe('agent');
  expect(resumeStep({ steps: { agent: true } })).toBe('knowledge');
  expect(resumeStep({ steps: { agent: true, knowledge: true } })).toBe('telephony');
  expect(resumeStep({ steps: { agent: true, knowledge: false, telephony: true } })).toBe('knowledge');
  expect(resumeStep({ steps: { agent: true, knowledge: true, telephony: true } })).toBe('review');
});

it('needs the agent and a number to complete, not knowledge', () => {
  expect(missingForCompletion({ steps: { knowledge: true } })).toEqual(['agent', 'telephony']);
  expect(missingForCompletion({ steps: { agent: true, telephony: true } })).toEqual([]);
});

it('reads numbers typed on lines or with commas', () => {
  expect(parseNumbers(' +15005550006,\n+15005550007 ;  ')).toEqual(['+15005550006', '+15005550007']);
});
