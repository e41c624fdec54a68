/**
 * Turns an API's answer that is not a success (RFC 9457 problem+json, or anything else a proxy may send) into
 * an {@link ApiError} whose message a person can read. The services always answer problem+json; the wording
 * here says what happened and what the person can do, the problem's own `detail` is kept for the specifics.
 */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export type ApiErrorKind =
  | 'invalid'
  | 'signed-out'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition'
  | 'rate-limited'
  | 'unavailable'
  | 'network'
  | 'server';

export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  /** Per field (the API's field name), what is wrong with it. */
  readonly fieldErrors: Record<string, string>;
  /** Seconds to wait before trying again (429 and 503 send Retry-After). */
  readonly retryAfterSeconds?: number;
  readonly problem?: ProblemDocument;

  constructor(init: {
    status: number;
    kind: ApiErrorKind;
    message: string;
    fieldErrors?: Record<string, string>;
    retryAfterSeconds?: number;
    problem?: ProblemDocument;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.kind = init.kind;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.problem = init.problem;
  }
}

/** Retry-After is either seconds or an HTTP date; answers whole seconds from now, or undefined. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function waitWords(seconds: number | undefined): string {
  if (seconds === undefined) return 'in a moment';
  if (seconds <= 1) return 'in a second';
  if (seconds < 90) return `in ${seconds} seconds`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

function asProblem(body: unknown): ProblemDocument | undefined {
  if (body && typeof body === 'object') return body as ProblemDocument;
  return undefined;
}

/** The readable error for an HTTP status, its problem document (if any) and its Retry-After header. */
export function describeProblem(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
  const problem = asProblem(body);
  const detail = problem?.detail?.trim();
  const retryAfterSeconds = parseRetryAfter(retryAfterHeader);
  const fieldErrors: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    if (error && typeof error.field === 'string') fieldErrors[error.field] = error.message;
  }
  switch (status) {
    case 400:
    case 422: {
      const fields = Object.entries(fieldErrors);
      const message = fields.length > 0
        ? 'Please correct: ' + fields.map(([field, text]) => `${field} ${text}`).join('; ') + '.'
        : `The request was not accepted${detail ? ': ' + detail : '.'}`;
      return new ApiError({ status, kind: 'invalid', message, fieldErrors, problem });
    }
    case 401:
      return new ApiError({
        status, kind: 'signed-out', problem,
        message: 'Your session has ended (it expired or was signed out elsewhere). Please sign in again; what you typed is kept.',
      });
    case 403:
      return new ApiError({
        status, kind: 'forbidden', problem,
        message: `You do not have access to this${detail ? ': ' + detail : '.'}`,
      });
    case 404:
      return new ApiError({
        status, kind: 'not-found', problem,
        message: `Not found${detail ? ': ' + detail : ' — it may have been removed, or belongs to another account.'}`,
      });
    case 409:
      return new ApiError({
        status, kind: 'conflict', problem,
        message: `This conflicts with a change made meanwhile${detail ? ': ' + detail : '.'} Reload to see the current state, then try again.`,
      });
    case 412:
      return new ApiError({
        status, kind: 'precondition', problem,
        message: 'Someone else changed this while you were editing. Reload to see their change, then apply yours again.',
      });
    case 429:
      return new ApiError({
        status, kind: 'rate-limited', problem, retryAfterSeconds,
        message: `Too many requests just now. Please try again ${waitWords(retryAfterSeconds)}.`,
      });
    case 502:
    case 503:
    case 504:
      return new ApiError({
        status, kind: 'unavailable', problem, retryAfterSeconds,
        message: `The service is briefly unavailable. Please try again ${waitWords(retryAfterSeconds)}.`,
      });
    default:
      return new ApiError({
        status, kind: status >= 500 ? 'server' : 'invalid', problem,
        message: status >= 500
          ? 'Something went wrong on our side. Please try again; if it keeps happening, tell support.'
          : `The request failed (${status})${detail ? ': ' + detail : '.'}`,
      });
  }
}

/** A fetch that never reached the service (offline, DNS, connection refused). */
export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0, kind: 'network',
    message: 'Cannot reach the service. Check your connection and try again.'
      + (cause instanceof Error && cause.message ? ` (${cause.message})` : ''),
  });
}
