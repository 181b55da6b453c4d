/**
 * What the page shows of co-editing: the connection, who else is in the project (their name,
 * colour, pointer and selection), and whether this person has something to undo or redo.
 */
import { create } from 'zustand';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'offline';

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
  /** Where their pointer is on the diagram (flow coordinates); absent when it is off the canvas. */
  cursor?: { x: number; y: number };
  selection: string[];
}

export interface LiveState {
  status: LiveStatus;
  /** Everyone else in the project (this browser excluded). */
  others: Collaborator[];
  canUndo: boolean;
  canRedo: boolean;
}

export const OFF: LiveState = { status: 'off', others: [], canUndo: false, canRedo: false };

export const useLive = create<LiveState>(() => OFF);

/** Distinct on light and dark canvases, and none of them the selection blue. */
const COLORS = ['#e8590c', '#2f9e44', '#ae3ec9', '#d6336c', '#1098ad', '#f08c00', '#5c7cfa', '#0ca678'];

export const colorOf = (clientId: number): string => COLORS[clientId % COLORS.length];

/** One awareness state as a collaborator; undefined for a state that is not one of ours. */
export function collaboratorOf(clientId: number, state: unknown): Collaborator | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { user, cursor, selection } = state as { user?: { name?: unknown }; cursor?: { x?: unknown; y?: unknown } | null; selection?: unknown };
  if (!user) return undefined;
  const name = typeof user.name === 'string' && user.name.trim() ? user.name.slice(0, 60) : 'Anonymous';
  const point = cursor && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? { x: cursor.x as number, y: cursor.y as number } : undefined;
  const ids = Array.isArray(selection) ? selection.filter((id): id is string => typeof id === 'string').slice(0, 500) : [];
  return { clientId, name, color: colorOf(clientId), cursor: point, selection: ids };
}
