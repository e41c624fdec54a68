/**
 * Sign-in state of the SPA. The session itself is server side (an opaque, HttpOnly cookie set by the service's
 * /login); nothing here stores a token. What is kept in sessionStorage is only what the person was doing: the
 * page to return to and the text of unsaved forms, so a 401 (session expired or revoked) can send them through
 * sign-in and back without losing their typing.
 */
const RETURN_TO = 'spotfunnel.returnTo';
const DRAFT_PREFIX = 'spotfunnel.draft.';

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, value: unknown): void {
  storage()?.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
}

export function loadDraft<T>(key: string): T | undefined {
  const raw = storage()?.getItem(DRAFT_PREFIX + key);
  if (raw == null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(DRAFT_PREFIX + key);
}

/** Where to go after sign-in: only a path inside this app (never another origin). */
export function takeReturnTo(appBase: string): string | undefined {
  const store = storage();
  const value = store?.getItem(RETURN_TO) ?? undefined;
  store?.removeItem(RETURN_TO);
  if (value && value.startsWith(appBase) && !value.startsWith('//')) return value;
  return undefined;
}

export function rememberReturnTo(path: string): void {
  storage()?.setItem(RETURN_TO, path);
}

/** Sends the browser to the service's sign-in page, remembering the current page. */
export function goToSignIn(signInUrl: string): void {
  if (typeof window === 'undefined') return;
  rememberReturnTo(window.location.pathname + window.location.search);
  window.location.assign(signInUrl);
}
