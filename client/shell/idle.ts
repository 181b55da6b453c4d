/**
 * Runs `run` when the page is next idle, after `timeoutMs` at the latest; returns the function that
 * cancels it. Safari has no requestIdleCallback: a timer after the current task stands in there.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}
