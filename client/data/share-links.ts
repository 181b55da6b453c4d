/** Read-only share links (`shared/api/share-links.ts`), typed and checked. */
import {
  createShareLinkResponseZod, sharedSessionResponseZod, shareLinkListResponseZod,
} from '../../shared/api/share-links.ts';
import { call, pathOf, request } from './http.ts';

const links = (projectId: string) => `${pathOf('/api/projects', projectId)}/share-links`;

export const shareLinksApi = {
  /** A new link; its URL carries the token and is shown this once. */
  create: (projectId: string) => call(createShareLinkResponseZod, 'share link', 'POST', links(projectId)),
  list: (projectId: string) => call(shareLinkListResponseZod, 'share links', 'GET', links(projectId)),
  revoke: async (projectId: string, linkId: string) => {
    await request('DELETE', pathOf(links(projectId), linkId));
  },
  /** On a share link's page: which project it shows. */
  session: () => call(sharedSessionResponseZod, 'shared project', 'GET', '/api/shared'),
};
