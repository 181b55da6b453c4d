/** `POST /api/import` (`shared/api/import.ts`): SQL or DBML parsed on the server, the answer checked. */
import { importResponseZod, type ImportFormat } from '../../shared/api/import.ts';
import { callWithDocument } from './http.ts';

export const importApi = {
  /** A syntax error comes back as a `RequestError` whose body has the `position` in `text`. */
  parse: (text: string, format: ImportFormat) => callWithDocument(importResponseZod, 'import', 'POST', '/api/import', { text, format }),
};
