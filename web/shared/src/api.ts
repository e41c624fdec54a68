import createClient, { type Client } from 'openapi-fetch';
import { describeProblem, networkError } from './problem';
import { goToSignIn } from './session';

export interface ApiOptions {
  /** Where the API lives, same origin as the app (e.g. "/api/v1" or ""). */
  baseUrl: string;
  /** The service's sign-in landing (OIDC code flow), e.g. "/login". */
  signInUrl: string;
  /** Called on 401; by default the browser goes to sign-in (drafts are already in sessionStorage). */
  onSignedOut?: () => void;
}

/**
 * The typed client of one service (types generated from its OpenAPI document), sending only the session cookie
 * (same origin). A 401 means the server-side session expired or was revoked: the person is sent to sign-in.
 * `X-Requested-With` tells Quarkus OIDC not to answer a fetch with a redirect to the provider.
 */
export function createApi<Paths extends {}>(options: ApiOptions): Client<Paths> {
  const client = createClient<Paths>({
    // Absolute: openapi-fetch builds a Request, which needs one outside a browser page (tests).
    baseUrl: (typeof window === 'undefined' ? '' : window.location.origin) + options.baseUrl,
    // Looked up per call, not captured once, so a test's stubbed fetch is the one used.
    fetch: (request: Request) => globalThis.fetch(request),
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
  });
  const signedOut = options.onSignedOut ?? (() => goToSignIn(options.signInUrl));
  client.use({
    onResponse({ response }) {
      if (response.status === 401 || response.status === 499) signedOut();
      return undefined;
    },
  });
  return client;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or a readable {@link ApiError} (also when the network failed). */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (e) {
    throw networkError(e);
  }
  if (result.response.ok) return result.data as T;
  throw describeProblem(result.response.status, result.error, result.response.headers.get('Retry-After'));
}

/** Downloads a same-origin URL as a file (the browser's own download; the session cookie goes along). */
export async function download(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  } catch (e) {
    throw networkError(e);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw describeProblem(response.status, body, response.headers.get('Retry-After'));
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
