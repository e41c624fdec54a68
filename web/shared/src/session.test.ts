import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, rememberReturnTo, saveDraft, takeReturnTo } from './session';

describe('session storage of what the person was doing', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps a draft until it is cleared', () => {
    saveDraft('note', { text: 'called back' });
    expect(loadDraft('note')).toEqual({ text: 'called back' });
    clearDraft('note');
    expect(loadDraft('note')).toBeUndefined();
  });

  it('returns only to a page inside the app, once', () => {
    rememberReturnTo('/app/calls/42');
    expect(takeReturnTo('/app/')).toBe('/app/calls/42');
    expect(takeReturnTo('/app/')).toBeUndefined();
    rememberReturnTo('https://evil.example/app/');
    expect(takeReturnTo('/app/')).toBeUndefined();
  });

  it('stores no token', () => {
    saveDraft('x', 'y');
    rememberReturnTo('/app/');
    for (let i = 0; i < sessionStorage.length; i++) {
      expect(sessionStorage.key(i)).not.toMatch(/token/i);
    }
  });
});
