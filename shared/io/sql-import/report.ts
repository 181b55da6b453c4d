/**
 * The import report: what was read but not imported, and what was imported with a caveat.
 * Every entry carries the 1-based line of the statement in the submitted text.
 */
import type { Node } from '@pgsql/types';
import { as, kindOf } from './ast.ts';

export interface SkippedStatement {
  line: number;
  /** What kind of statement it was, as a person names it: `SET`, `GRANT`, `COPY data`, `\connect`. */
  statement: string;
  reason: string;
}

export interface ImportWarning {
  line: number;
  /** 1-based column of what the warning is about, when it points inside the statement. */
  column?: number;
  message: string;
}

export interface ImportReport {
  skipped: SkippedStatement[];
  warnings: ImportWarning[];
}

/** Statement node kinds as a person names them; anything else is named by its node kind. */
const LABELS: Record<string, string> = {
  VariableSetStmt: 'SET', VariableShowStmt: 'SHOW', SelectStmt: 'SELECT', InsertStmt: 'INSERT',
  UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE', CopyStmt: 'COPY', TruncateStmt: 'TRUNCATE',
  TransactionStmt: 'transaction control', ClusterStmt: 'CLUSTER', VacuumStmt: 'VACUUM/ANALYZE',
  AlterOwnerStmt: 'ALTER … OWNER TO', AlterTableStmt: 'ALTER TABLE', DropStmt: 'DROP', CommentStmt: 'COMMENT',
  AlterDefaultPrivilegesStmt: 'ALTER DEFAULT PRIVILEGES', CreateRoleStmt: 'CREATE ROLE', AlterRoleStmt: 'ALTER ROLE',
  CreatedbStmt: 'CREATE DATABASE', DropdbStmt: 'DROP DATABASE', AlterDatabaseSetStmt: 'ALTER DATABASE',
  AlterDatabaseStmt: 'ALTER DATABASE', LockStmt: 'LOCK', DiscardStmt: 'DISCARD', CheckPointStmt: 'CHECKPOINT',
  NotifyStmt: 'NOTIFY', ListenStmt: 'LISTEN', ExplainStmt: 'EXPLAIN', RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  AlterSeqStmt: 'ALTER SEQUENCE', IndexStmt: 'CREATE INDEX', CreateStmt: 'CREATE TABLE', ViewStmt: 'CREATE VIEW',
  CreateSchemaStmt: 'CREATE SCHEMA', CreateExtensionStmt: 'CREATE EXTENSION', RenameStmt: 'ALTER … RENAME',
  AlterObjectSchemaStmt: 'ALTER … SET SCHEMA', SecLabelStmt: 'SECURITY LABEL', DoStmt: 'DO',
  CreateTableAsStmt: 'CREATE TABLE AS', AlterEnumStmt: 'ALTER TYPE … ADD VALUE', AlterDomainStmt: 'ALTER DOMAIN',
  AlterExtensionStmt: 'ALTER EXTENSION', AlterFunctionStmt: 'ALTER FUNCTION', CallStmt: 'CALL',
};

/** Ex: a `GrantStmt` with `is_grant: false` → `'REVOKE'`. */
export function statementLabel(node: Node): string {
  const kind = kindOf(node);
  if (kind === 'GrantStmt' || kind === 'GrantRoleStmt') {
    return as<{ is_grant?: boolean }>(node, kind)?.is_grant ? 'GRANT' : 'REVOKE';
  }
  if (kind === 'VariableSetStmt') {
    const k = as<{ kind?: string }>(node, kind)?.kind;
    return k === 'VAR_RESET' || k === 'VAR_RESET_ALL' ? 'RESET' : 'SET';
  }
  if (kind === 'TransactionStmt') {
    const k = as<{ kind?: string }>(node, kind)?.kind ?? '';
    return k.replace('TRANS_STMT_', '').replace(/_/g, ' ') || 'transaction control';
  }
  return LABELS[kind] ?? kind.replace(/Stmt$/, '');
}

export function emptyReport(): ImportReport {
  return { skipped: [], warnings: [] };
}
