import { createApi } from '@spotfunnel/shared';
import type { paths } from './schema';

/** dashboard-api, same origin (the app is served by it under /app/). */
export const api = createApi<paths>({ baseUrl: '', signInUrl: '/login' });
