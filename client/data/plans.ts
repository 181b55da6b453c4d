/**
 * Plan, apply (or dry-run) and revert against a target, and its history (`shared/api/plans.ts`),
 * typed and checked. Applies ask for the NDJSON stream: each line is read with `applyStreamLineZod`
 * as it arrives, so the page shows each step as it starts.
 */
import { encodeUserNameHeader, USER_NAME_HEADER } from '../../shared/api/user-name.ts';
import { getUserName } from '../shell/user-name.ts';
import {
  applyResponseZod, applyStreamLineZod, historyResponseZod, planResponseZod,
  type ApplyRequest, type ApplyResponse, type ApplyStreamLine, type PlanRequest, type RevertRequest,
} from '../../shared/api/plans.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { call, parsed, pathOf, RequestError, requestFailed } from './http.ts';
import { targetPath } from './targets.ts';

/** What an apply request carries besides the document's defaults (`acceptedHazards` is required here). */
export type ApplyInput = ApplyRequest & { document: ModelDocument; acceptedHazards: NonNullable<ApplyRequest['acceptedHazards']> };
/** An apply's fields for a revert: the server reads the model from its journal. */
export type RevertInput = RevertRequest & { acceptedHazards: NonNullable<RevertRequest['acceptedHazards']> };
/** What a streamed apply reports before it ends: a step starting, then the result (an error line is thrown). */
export type ApplyProgress = Exclude<ApplyStreamLine, { type: 'error' }>;

/**
 * Reads an NDJSON body line by line, handing each line over as it arrives. A response that is
 * plain JSON (a server without streaming) is the result.
 */
export async function readApplyStream(response: Response, onProgress: (line: ApplyProgress) => void): Promise<ApplyResponse> {
  if (!response.headers.get('content-type')?.includes('ndjson') || !response.body) {
    return parsed(applyResponseZod, 'apply result', JSON.parse(await response.text()));
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = done ? '' : (lines.pop() ?? '');
    for (const text of lines.filter((l) => l.trim())) {
      const line = parsed(applyStreamLineZod, 'progress event', JSON.parse(text));
      if (line.type === 'error') throw new RequestError(line.status, line.error, line.error.message);
      onProgress(line);
      if (line.type === 'result') {
        const { type: _type, ...result } = line;
        return result;
      }
    }
    if (done) throw new Error('the apply stream ended without a result: look at the history for what happened');
  }
}

/** Who applies: the browser's user name, journaled so History says "by <name>" (none given: no header). */
function userNameHeader(): Record<string, string> {
  const name = getUserName();
  return name ? { [USER_NAME_HEADER]: encodeUserNameHeader(name) } : {};
}

async function streamApply(path: string, input: ApplyInput | RevertInput, onProgress: (line: ApplyProgress) => void): Promise<ApplyResponse> {
  const response = await fetch(`${path}?stream`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson, application/json', ...userNameHeader() },
    body: JSON.stringify(input),
  });
  if (!response.ok) {
    const failure = requestFailed('POST', path, response.status, await response.text());
    // A refused apply says so in the server's words; without a body, in these.
    throw failure.body ? failure : new RequestError(response.status, undefined, `apply failed with ${response.status}`);
  }
  return readApplyStream(response, onProgress);
}

const revertPath = (id: string, entryId: string) => `${pathOf(`${targetPath(id)}/history`, entryId)}/revert`;

export const plansApi = {
  /** `matching`: the saved project the document is, and the renames the user confirmed (see `planRequestZod`). */
  plan: (id: string, document: ModelDocument, matching: Pick<PlanRequest, 'projectId' | 'renames'> = {}) =>
    call(planResponseZod, 'plan', 'POST', `${targetPath(id)}/plan`, { document, ...matching }),
  /** Applies (or dry-runs) the reviewed plan; `onProgress` sees each step start. */
  apply: (id: string, input: ApplyInput, onProgress: (line: ApplyProgress) => void) => streamApply(`${targetPath(id)}/apply`, input, onProgress),
  /** The plan back to the model recorded before history entry `entryId`, against the database as it is now. */
  planRevert: (id: string, entryId: string) => call(planResponseZod, 'plan', 'POST', `${revertPath(id, entryId)}/plan`, {}),
  /** Applies (or dry-runs) that reviewed revert plan, journaled as a revert of `entryId`. */
  applyRevert: (id: string, entryId: string, input: RevertInput, onProgress: (line: ApplyProgress) => void) =>
    streamApply(revertPath(id, entryId), input, onProgress),
  history: (id: string) => call(historyResponseZod, 'history', 'GET', `${targetPath(id)}/history`),
};
