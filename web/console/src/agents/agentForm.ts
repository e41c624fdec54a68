import type { AgentSpec, TenantSpec, TenantView } from '../api/types';

/** The providers admin-api knows per stage (docs/admin-api.md "Tenants API"); the order a stage lists is its failover order. */
export const KNOWN_PROVIDERS = {
  stt: ['deepgram', 'simulated'],
  llm: ['openai', 'gemini', 'simulated'],
  tts: ['cartesia', 'elevenlabs', 'simulated'],
} as const;
export type Stage = keyof typeof KNOWN_PROVIDERS;
export const STAGES: Stage[] = ['stt', 'llm', 'tts'];
export const STAGE_NAMES: Record<Stage, string> = { stt: 'Speech to text', llm: 'Language model', tts: 'Text to speech' };
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export interface HoursRow {
  day: string;
  opens: string;
  closes: string;
}

/** An agent's whole configuration as the form edits it: strings for inputs, lists for orders and hours. */
export interface AgentForm {
  systemPrompt: string;
  greeting: string;
  voice: string;
  transferNumber: string;
  /** Seconds a transfer rings before the caller comes back to the agent; empty = the platform's. */
  ringSeconds: string;
  /** The person answering a transfer first hears who is calling and why. */
  warmTransfer: boolean;
  providers: Record<Stage, string[]>;
  timeZone: string;
  hours: HoursRow[];
  /** Kept as they are (not edited here), so a save never drops them. */
  fallbackMessages: Record<string, string>;
}

export interface TenantForm {
  name: string;
  industry: string;
  active: boolean;
  agent: AgentForm;
}

export function agentToForm(agent: AgentSpec | null | undefined): AgentForm {
  return {
    systemPrompt: agent?.systemPrompt ?? '',
    greeting: agent?.greeting ?? '',
    voice: agent?.voice ?? '',
    transferNumber: agent?.transferNumber ?? '',
    ringSeconds: agent?.transfer?.ringSeconds == null ? '' : String(agent.transfer.ringSeconds),
    warmTransfer: agent?.transfer?.warm ?? false,
    providers: {
      stt: [...(agent?.providers?.stt ?? [])],
      llm: [...(agent?.providers?.llm ?? [])],
      tts: [...(agent?.providers?.tts ?? [])],
    },
    timeZone: agent?.businessHours?.timeZone ?? '',
    hours: (agent?.businessHours?.weekly ?? []).map((row) => ({
      day: row.day ?? 'monday', opens: row.opens ?? '', closes: row.closes ?? '',
    })),
    fallbackMessages: { ...(agent?.fallbackMessages ?? {}) },
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The ring times admin-api accepts, in seconds (agent.transfer.ringSeconds). */
export const RING_SECONDS = { min: 5, max: 120 } as const;

/** What is wrong with the ring time as typed, before it is sent; null when it is fine (or empty: the platform's). */
export function ringSecondsError(ringSeconds: string): string | null {
  const text = ringSeconds.trim();
  if (text === '') return null;
  const seconds = Number(text);
  return /^\d+$/.test(text) && seconds >= RING_SECONDS.min && seconds <= RING_SECONDS.max
    ? null
    : `must be a number of seconds from ${RING_SECONDS.min} to ${RING_SECONDS.max}`;
}

/**
 * The API's agent object: empty inputs become null, no hours and no time zone mean "always open" (null), no ring
 * time and a cold transfer mean the platform's transfer (null). Check ringSecondsError first: a ring time that is not
 * a whole number has no API value.
 */
export function formToAgent(form: AgentForm): AgentSpec {
  const hasHours = form.hours.length > 0 || form.timeZone.trim() !== '';
  const ring = form.ringSeconds.trim();
  const hasTransfer = ring !== '' || form.warmTransfer;
  return {
    systemPrompt: form.systemPrompt,
    greeting: form.greeting,
    voice: orNull(form.voice) as string | undefined,
    providers: { stt: form.providers.stt, llm: form.providers.llm, tts: form.providers.tts },
    transferNumber: orNull(form.transferNumber) as string | undefined,
    fallbackMessages: form.fallbackMessages,
    businessHours: hasHours
      ? { timeZone: form.timeZone.trim(), weekly: form.hours.map((row) => ({ ...row })) }
      : (null as unknown as undefined),
    transfer: hasTransfer
      ? { ringSeconds: ring === '' ? (null as unknown as undefined) : Number(ring), warm: form.warmTransfer }
      : (null as unknown as undefined),
  };
}

export function tenantToForm(tenant: TenantView): TenantForm {
  return { name: tenant.name ?? '', industry: tenant.industry ?? '', active: tenant.active, agent: agentToForm(tenant.agent) };
}

/** The PUT body; `phoneNumbers: null` keeps the tenant's numbers (they have their own screen). */
export function formToTenant(tenantId: string, form: TenantForm): TenantSpec {
  return {
    tenantId, name: form.name, industry: form.industry, active: form.active,
    agent: formToAgent(form.agent), phoneNumbers: null as unknown as undefined,
  };
}

/**
 * Where on the form each of the API's field errors belongs. admin-api names fields as JSON paths
 * (`agent.providers.llm[1]`, `agent.businessHours.weekly[0].closes`); the form's keys are those paths without
 * `agent.` and with a stage's index dropped (the whole stage list is one input). Errors the form has no input
 * for stay under their API name, so the page can still show them.
 */
export function formFieldOf(apiField: string): string {
  const path = apiField.replace(/^agent\./, '');
  const stage = /^providers\.(stt|llm|tts)(\[\d+\])?$/.exec(path);
  if (stage) return 'providers.' + stage[1];
  const hours = /^businessHours\.weekly\[(\d+)\](?:\.(day|opens|closes))?$/.exec(path);
  if (hours) return `hours.${hours[1]}.${hours[2] ?? 'day'}`;
  if (path === 'businessHours.timeZone' || path === 'businessHours') return 'timeZone';
  if (path === 'transfer.ringSeconds' || path === 'transfer') return 'ringSeconds';
  if (path === 'transfer.warm') return 'warmTransfer';
  return path;
}

/** The API's field errors keyed by form field; two errors on one input are joined. */
export function mapFieldErrors(apiErrors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(apiErrors)) {
    const key = formFieldOf(field);
    const prefix = key.startsWith('providers.') && field.includes('[') ? `${field.replace(/^agent\./, '')} ` : '';
    result[key] = result[key] ? `${result[key]}; ${prefix}${message}` : prefix + message;
  }
  return result;
}

/** The form fields that have an input on the agent form (the others are shown in a summary). */
export function isAgentFormField(key: string): boolean {
  return ['systemPrompt', 'greeting', 'voice', 'transferNumber', 'ringSeconds', 'warmTransfer', 'timeZone', 'name', 'industry'].includes(key)
    || key.startsWith('providers.') || key.startsWith('hours.');
}
