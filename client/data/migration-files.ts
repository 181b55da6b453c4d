/** `POST /api/migration-files` (`shared/api/migration-files.ts`): migration files between two documents, made by the server. */
import { migrationFilesResponseZod, type MigrationFilesRequest } from '../../shared/api/migration-files.ts';
import { call } from './http.ts';

export const migrationFilesApi = {
  make: (body: MigrationFilesRequest) => call(migrationFilesResponseZod, 'migration files', 'POST', '/api/migration-files', body),
};
