import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, parseRetryAfter } from './problem';

describe('describeProblem', () => {
  it('names each wrong field of a 400', () => {
    const error = describeProblem(400, {
      title: 'Bad Request', status: 400, detail: '2 fields are invalid',
      errors: [{ field: 'from', message: 'must be an ISO-8601 instant' }, { field: 'limit', message: 'must be at most 200' }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('invalid');
    expect(error.fieldErrors).toEqual({ from: 'must be an ISO-8601 instant', limit: 'must be at most 200' });
    expect(error.message).toContain('from must be an ISO-8601 instant');
    expect(error.message).toContain('limit must be at most 200');
  });

  it('tells a signed-out person that their typing is kept', () => {
    expect(describeProblem(401, undefined).message).toMatch(/sign in again; what you typed is kept/);
  });

  it('says when to retry a 429 from its Retry-After', () => {
    const error = describeProblem(429, { title: 'Too Many Requests' }, '30');
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toBe('Too many requests just now. Please try again in 30 seconds.');
  });

  it('explains 403, 409, 412 and 503 in words', () => {
    expect(describeProblem(403, { detail: 'role customer may only read its own tenant' }).message)
      .toBe('You do not have access to this: role customer may only read its own tenant');
    expect(describeProblem(409, {}).message).toMatch(/conflicts with a change made meanwhile/);
    expect(describeProblem(412, {}).message).toMatch(/Someone else changed this/);
    expect(describeProblem(503, {}, '120').message).toBe('The service is briefly unavailable. Please try again in 2 minutes.');
  });

  it('never shows a stack trace or raw body for a 500', () => {
    const error = describeProblem(500, 'java.lang.NullPointerException at ...');
    expect(error.message).not.toContain('NullPointer');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
