import type { OnboardingSession } from '../api/types';

/** The wizard's steps in order; `start` is done once the session exists. */
export const STEPS = ['start', 'agent', 'knowledge', 'telephony', 'review'] as const;
export type Step = (typeof STEPS)[number];
export const STEP_TITLES: Record<Step, string> = {
  start: 'Start', agent: 'System prompt', knowledge: 'Knowledge base', telephony: 'Telephony', review: 'Review',
};

/** Whether admin-api has the step saved (its `steps` map: agent, knowledge, telephony). */
export function isDone(session: Pick<OnboardingSession, 'steps'>, step: Step): boolean {
  if (step === 'start') return true;
  if (step === 'review') return false;
  return session.steps?.[step] === true;
}

/**
 * Where a resumed onboarding continues: the first step not yet saved, or review when all are. The knowledge
 * step is optional but still visited once (saving it empty skips it).
 */
export function resumeStep(session: Pick<OnboardingSession, 'steps'>): Step {
  return STEPS.find((step) => step !== 'start' && !isDone(session, step)) ?? 'review';
}

/** What still stops completion: the required steps not saved (admin-api answers 400 naming the same ones). */
export function missingForCompletion(session: Pick<OnboardingSession, 'steps'>): Step[] {
  return (['agent', 'telephony'] as Step[]).filter((step) => !isDone(session, step));
}

/** Numbers typed one per line or separated by commas, trimmed, blanks dropped. */
export function parseNumbers(text: string): string[] {
  return text.split(/[\s,;]+/).map((n) => n.trim()).filter((n) => n !== '');
}
