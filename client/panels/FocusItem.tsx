/** A boxed editor item that is highlighted and scrolled into view when its object is focused. */
import type { ReactNode } from 'react';
import { itemClass, useFocusRef } from './edit.ts';

export function FocusItem({ focused, testId, children }: { focused: boolean; testId: string; children: ReactNode }) {
  const ref = useFocusRef<HTMLDivElement>(focused);
  return <div ref={ref} className={itemClass('item', focused)} data-testid={testId}>{children}</div>;
}
