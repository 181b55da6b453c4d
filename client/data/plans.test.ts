import { describe, expect, it } from 'vitest';
import { RequestError } from './http.ts';
import { readApplyStream, type ApplyProgress } from './plans.ts';

const result = { journalId: 'apply_1', status: 'applied', steps: [], durationMs: 12, verified: true, remainingSteps: 0 };

/** A response whose body arrives in the given chunks, as a network would cut it. */
function streamed(chunks: string[], type = 'application/x-ndjson'): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': type } });
}

const lines = (...events: unknown[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('readApplyStream', () => {
  it('hands over each step as it arrives, lines cut anywhere, then returns the result', async () => {
    const text = lines(
      { type: 'step', index: 0, total: 2, sql: 'ALTER TABLE a ADD COLUMN b text;', phase: 'columns' },
      { type: 'step', index: 1, total: 2, sql: 'ALTER TABLE a ADD COLUMN c text;', phase: 'columns' },
      { type: 'result', ...result },
    );
    const cuts = [0, 7, 60, 61, 130, text.length];
    const chunks = cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
    const seen: ApplyProgress[] = [];
    const final = await readApplyStream(streamed(chunks), (e) => seen.push(e));
    expect(final).toEqual(result);
    expect(seen.map((e) => (e.type === 'step' ? `step ${e.index}/${e.total}` : e.type))).toEqual(['step 0/2', 'step 1/2', 'result']);
  });

  it('throws the streamed error as a RequestError with its status and ApiError body', async () => {
    const text = lines(
      { type: 'step', index: 0, total: 1, sql: 'x', phase: 'columns' },
      { type: 'error', status: 400, error: { code: 'postgres-error', message: 'step 1 of 1 failed', details: { stepIndex: 0, sqlstate: '23502' } } },
    );
    const failure = await readApplyStream(streamed([text]), () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).status).toBe(400);
    expect((failure as RequestError).body?.details).toEqual({ stepIndex: 0, sqlstate: '23502' });
  });

  it('reads a plain JSON answer (a server that does not stream) as the result', async () => {
    expect(await readApplyStream(streamed([JSON.stringify(result)], 'application/json'), () => undefined)).toEqual(result);
  });

  it('fails clearly when the stream ends without a result, or a line is not an event', async () => {
    await expect(readApplyStream(streamed([lines({ type: 'step', index: 0, total: 1, sql: 'x', phase: 'columns' })]), () => undefined)).rejects.toThrow(/ended without a result/);
    await expect(readApplyStream(streamed([lines({ type: 'result', status: 'applied' })]), () => undefined)).rejects.toThrow(/unexpected progress event/);
  });
});
