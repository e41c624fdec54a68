import { unwrap } from '@spotfunnel/shared';
import { api } from '../api/client';
import type { AgentSpec, OnboardingSession, TenantView } from '../api/types';
import type { components } from '../api/schema';

const asSession = async (call: Promise<unknown>) => (await unwrap(call as never)) as unknown as OnboardingSession;

export const onboardingApi = {
  open: async () => (await unwrap(api.GET('/onboarding'))) as unknown as OnboardingSession[],
  get: (id: string) => asSession(api.GET('/onboarding/{id}', { params: { path: { id } } })),
  start: (body: components['schemas']['Start']) => asSession(api.POST('/onboarding', { body })),
  saveAgent: (id: string, body: AgentSpec) => asSession(api.PUT('/onboarding/{id}/agent', { params: { path: { id } }, body })),
  saveKnowledge: (id: string, body: components['schemas']['KnowledgeStep']) =>
    asSession(api.PUT('/onboarding/{id}/knowledge', { params: { path: { id } }, body })),
  saveTelephony: (id: string, phoneNumbers: string[]) =>
    asSession(api.PUT('/onboarding/{id}/telephony', { params: { path: { id } }, body: { phoneNumbers } })),
  complete: async (id: string) =>
    (await unwrap(api.POST('/onboarding/{id}/complete', { params: { path: { id } } }))) as unknown as TenantView,
};
