import type { Defined } from '@spotfunnel/shared';
import type { components } from './schema';

type Schemas = components['schemas'];
export type CallSummary = Defined<Schemas['CallSummary']>;
export type CallDetail = Defined<Schemas['CallDetail']>;
export type CallPage = Defined<Schemas['CallPage']>;
export type CallAnalytics = Defined<Schemas['CallAnalytics']>;
export type WhoAmI = Defined<Schemas['WhoAmI']>;
