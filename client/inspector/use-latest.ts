/**
 * A ref that holds `value` as of the last render, for handlers that must stay one function across
 * renders (so a memoized child need not render again for them) yet act on what is current when called.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
