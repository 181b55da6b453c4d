import { describe, expect, it } from 'vitest';
import { inIdleSlices } from './idle.ts';

/** A task that keeps the thread for `ms` and notes its number. */
const busy = (ran: number[], n: number, ms: number) => () => {
  const until = performance.now() + ms;
  while (performance.now() < until);
  ran.push(n);
};

/** Node has no requestIdleCallback: the slices run on timers, as in Safari. */
describe('inIdleSlices', () => {
  it('runs every task in order across slices, then done once', async () => {
    const ran: number[] = [];
    // A slice is one run of the thread: microtasks run only between slices.
    let slices = 0;
    let inSlice = false;
    const noteSlice = () => {
      if (inSlice) return;
      slices += 1;
      inSlice = true;
      queueMicrotask(() => { inSlice = false; });
    };
    const tasks = Array.from({ length: 12 }, (_, n) => busy(ran, n, 3));
    await new Promise<void>((resolve) => inIdleSlices(tasks.map((task) => () => { noteSlice(); task(); }), resolve, 1000));
    expect(ran).toEqual(Array.from({ length: 12 }, (_, n) => n));
    // 3 ms tasks in slices of about 8 ms: more than one slice, fewer than one per task.
    expect(slices).toBeGreaterThan(1);
    expect(slices).toBeLessThan(12);
  });

  it('calls done at once for no tasks, and runs nothing once cancelled', async () => {
    let done = 0;
    await new Promise<void>((resolve) => inIdleSlices([], () => { done += 1; resolve(); }, 1000));
    expect(done).toBe(1);
    const ran: number[] = [];
    const cancel = inIdleSlices([busy(ran, 0, 0), busy(ran, 1, 0)], () => { done += 1; }, 1000);
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ran).toEqual([]);
    expect(done).toBe(1);
  });
});
