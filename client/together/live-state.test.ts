import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { collaboratorOf, colorOf } from './live-state.ts';
import { editsSaved, savedClockOf } from './room-saves.ts';

describe('collaboratorOf: an awareness state from someone else, trusted for nothing', () => {
  it.each([
    { state: null, expected: undefined },
    { state: { saved: { 1: 3 } }, expected: undefined }, // the room's own state is no one
    { state: { user: { name: 'Ann' }, selection: ['t1'], cursor: { x: 1, y: 2 } }, expected: { name: 'Ann', selection: ['t1'], cursor: { x: 1, y: 2 } } },
    { state: { user: { name: '  ' } }, expected: { name: 'Anonymous', selection: [], cursor: undefined } },
    { state: { user: { name: 'x'.repeat(500) }, selection: [1, 't2', null], cursor: { x: 'a', y: 2 } }, expected: { name: 'x'.repeat(60), selection: ['t2'], cursor: undefined } },
    { state: { user: {}, cursor: { x: Infinity, y: 0 } }, expected: { name: 'Anonymous', selection: [], cursor: undefined } },
  ])('$state', ({ state, expected }) => {
    const read = collaboratorOf(7, state);
    if (!expected) expect(read).toBeUndefined();
    else expect(read).toEqual({ clientId: 7, color: colorOf(7), ...expected });
  });
});

describe('editsSaved: this browser\'s edits against the clocks the room announced', () => {
  it('is saved with no edits, not after one, and again once a room announces its clock', () => {
    const ydoc = new Y.Doc();
    const room = new Y.Doc();
    const mine = new Awareness(ydoc);
    const theirs = new Awareness(room);
    expect(editsSaved(ydoc, mine)).toBe(true);
    ydoc.getMap('document').set('name', 'x');
    expect(editsSaved(ydoc, mine)).toBe(false);
    // The room's state reaches this browser as a remote awareness state.
    theirs.setLocalState({ saved: { [ydoc.clientID]: 1 } });
    mine.getStates().set(room.clientID, theirs.getLocalState()!);
    expect(savedClockOf(mine, ydoc.clientID)).toBe(1);
    expect(editsSaved(ydoc, mine)).toBe(true);
    mine.destroy();
    theirs.destroy();
  });
});
