// Small view states (the palette folded, the minimap hidden) that the browser keeps across reloads.
import { useState } from 'react';

/** A state kept in localStorage under the key, so that it survives a reload. */
export function useRemembered<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      // storage can be unavailable (private mode) or hold something unreadable: start afresh
      return initial;
    }
  });
  const remember = (next: T) => {
    setValue(next);
    try {
      window.localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // not remembered, but the palette still works for this page
    }
  };
  return [value, remember];
}
