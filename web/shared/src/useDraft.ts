import { useCallback, useEffect, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from './session';

/**
 * State of a form field that survives a trip through sign-in: kept in sessionStorage while the person types,
 * restored when the page comes back, cleared once the form is submitted ({@link clear}).
 */
export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => loadDraft<T>(key) ?? initial);
  useEffect(() => {
    saveDraft(key, value);
  }, [key, value]);
  const clear = useCallback(() => {
    clearDraft(key);
    setValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, setValue, clear];
}
