/** A boxed editor item that is highlighted and scrolled into view when its object is focused. */
import type { ReactNode } from 'react';
import { itemClass, useFocusRef } from './edit.ts';

export interface FocusItemProps {
  focused: boolean;
  testId: string;
  /** Extra `data-*` attributes that name the object for tests, e.g. `{ 'data-enum': 'public.status' }`. */
  data?: Record<`data-${string}`, string>;
  /** The box's class (`item` by default; `row` for a one-line entry). */
  base?: string;
  children: ReactNode;
}

export function FocusItem({ focused, testId, data, base = 'item', children }: FocusItemProps) {
  const ref = useFocusRef<HTMLDivElement>(focused);
  return <div ref={ref} className={itemClass(base, focused)} data-testid={testId} {...data}>{children}</div>;
}
