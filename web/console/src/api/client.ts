import { createApi } from '@spotfunnel/shared';
import type { paths } from './schema';

/** admin-api, same origin; its API is at the root (/tenants, /users, /analytics, …). */
export const api = createApi<paths>({ baseUrl: '', signInUrl: '/login' });
