/** A boxed editor item that is highlighted and scrolled into view when its object is focused. */
import type { ReactNode } from 'react';
import { itemClass, useFocusRef } from './edit.ts';

export interface FocusItemProps {
  focused: boolean;
  testId: string;
  /** Extra `data-*` attributes that name the object for tests, e.g. `{ 'data-enum': 'public.status' }`. */
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}

export function FocusItem({ focused, testId, data, children }: FocusItemProps) {
  const ref = useFocusRef<HTMLDivElement>(focused);
  return <div ref={ref} className={itemClass('item', focused)} data-testid={testId} {...data}>{children}</div>;
}
