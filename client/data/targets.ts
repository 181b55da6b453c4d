/** The targets API (`shared/api/targets.ts`), typed and checked: list, add, update, remove, test, introspect. */
import {
  addTargetRequestZod, introspectResponseZod, targetListResponseZod, targetResponseZod, testTargetResponseZod,
  type AddTargetRequest, type UpdateTargetRequest,
} from '../../shared/api/targets.ts';
import { call, callWithDocument, pathOf, request } from './http.ts';

/** `/api/targets/<id>`, for the routes of one target. */
export const targetPath = (id: string) => pathOf('/api/targets', id);

export const targetsApi = {
  list: () => call(targetListResponseZod, 'target list', 'GET', '/api/targets'),
  /** The request is checked before it leaves (a bad URL is said here, not by the server). */
  add: (input: AddTargetRequest) => call(targetResponseZod, 'target', 'POST', '/api/targets', addTargetRequestZod.parse(input)),
  update: (id: string, fields: UpdateTargetRequest) => call(targetResponseZod, 'target', 'PATCH', targetPath(id), fields),
  /** A protected target needs its name typed (`confirmName`): the server refuses it otherwise. */
  remove: async (id: string, confirmName?: string) => {
    await request('DELETE', confirmName === undefined ? targetPath(id) : `${targetPath(id)}?confirmName=${encodeURIComponent(confirmName)}`);
  },
  test: (id: string) => call(testTargetResponseZod, 'test result', 'POST', `${targetPath(id)}/test`, {}),
  /** The live schema as a document (it changes no baseline: a project's first apply records its own). */
  introspect: (id: string) => callWithDocument(introspectResponseZod, 'introspected document', 'POST', `${targetPath(id)}/introspect`, {}),
};
