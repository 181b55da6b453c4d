/**
 * Runs `run` when the page is next idle, after `timeoutMs` at the latest; returns the function that
 * cancels it. Safari has no requestIdleCallback: a timer after the current task stands in there.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  return whenIdleFor((_deadline) => run(), timeoutMs);
}

/** How long a slice of `inIdleSlices` runs when the page gave it no idle time (it timed out, or Safari). */
const FORCED_SLICE_MS = 8;

/** `whenIdle`, told when the idle period ends (`performance.now()` time). */
function whenIdleFor(run: (endsAt: number) => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => {
      const remaining = deadline.didTimeout ? FORCED_SLICE_MS : deadline.timeRemaining();
      run(performance.now() + Math.max(remaining, 1));
    }, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(() => run(performance.now() + FORCED_SLICE_MS), 0);
  return () => clearTimeout(timer);
}

/**
 * Runs `tasks` in order while the page is idle, a few at a time (each slice waits `timeoutMs` at
 * most), then `done`: long work that never holds a frame, a click or a message back for more than a
 * task. Returns the function that cancels what is left.
 */
export function inIdleSlices(tasks: readonly (() => void)[], done: () => void, timeoutMs: number): () => void {
  let next = 0;
  let cancel = () => {};
  const slice = (endsAt: number) => {
    do tasks[next++]?.();
    while (next < tasks.length && performance.now() < endsAt);
    if (next < tasks.length) cancel = whenIdleFor(slice, timeoutMs);
    else done();
  };
  cancel = whenIdleFor(slice, timeoutMs);
  return () => cancel();
}
