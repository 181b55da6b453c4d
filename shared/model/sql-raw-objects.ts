/**
 * Carried SQL objects (`rawObjects`): each kind holds exactly the statements that define that kind
 * of object, plus the harmless companions pg_dump and the importers write with them (COMMENT ON,
 * ALTER … OWNER TO, `SET search_path` around the definition). Kind `other` holds any statement, and
 * a plan step running one that is not a plain definition carries the `runs-custom-sql` hazard.
 */
import type { RawObjectKind } from './document.ts';
import { parseStatements, tokenProblem } from './sql-fragments.ts';

type Json = Record<string, unknown>;
interface Statement { kind: string; node: Json }

/** Setting or resetting `search_path` (or body checking) only: `SET ROLE` and friends are not companions. */
function searchPathOnly(s: Statement): boolean {
  return s.node.name === 'search_path' || s.node.name === 'check_function_bodies';
}

function alterTableOnly(subtypes: string[]): (s: Statement) => boolean {
  return (s) => {
    const cmds = (s.node.cmds as Json[] | undefined) ?? [];
    return cmds.length > 0 && cmds.every((c) => subtypes.includes(String((c.AlterTableCmd as Json | undefined)?.subtype)));
  };
}

function defineOf(...objectTypes: string[]): (s: Statement) => boolean {
  return (s) => objectTypes.includes(String(s.node.kind));
}

type Rule = Record<string, true | ((s: Statement) => boolean)>;

const COMPANIONS: Rule = { CommentStmt: true, AlterOwnerStmt: true, VariableSetStmt: searchPathOnly };
const TRIGGER_SWITCHES = ['AT_EnableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig', 'AT_DisableTrig'];
const RULE_SWITCHES = ['AT_EnableRule', 'AT_EnableAlwaysRule', 'AT_EnableReplicaRule', 'AT_DisableRule'];
const ROW_SECURITY = ['AT_EnableRowSecurity', 'AT_DisableRowSecurity', 'AT_ForceRowSecurity', 'AT_NoForceRowSecurity'];

/** What each kind may hold besides the companions. */
const ALLOWED: Record<Exclude<RawObjectKind, 'other'>, Rule> = {
  // The SQL import keeps a DO block that creates functions as a function (so it runs before the
  // tables that call them); the plan marks it `runs-custom-sql`.
  function: { CreateFunctionStmt: (s) => !s.node.is_procedure, AlterFunctionStmt: true, DoStmt: true },
  procedure: { CreateFunctionStmt: (s) => !!s.node.is_procedure, AlterFunctionStmt: true },
  aggregate: { DefineStmt: defineOf('OBJECT_AGGREGATE') },
  trigger: { CreateTrigStmt: true, AlterTableStmt: alterTableOnly(TRIGGER_SWITCHES) },
  rule: { RuleStmt: true, AlterTableStmt: alterTableOnly(RULE_SWITCHES) },
  policy: { CreatePolicyStmt: true, AlterPolicyStmt: true, AlterTableStmt: alterTableOnly(ROW_SECURITY) },
  collation: { DefineStmt: defineOf('OBJECT_COLLATION') },
  type: { DefineStmt: defineOf('OBJECT_TYPE'), CompositeTypeStmt: true, CreateEnumStmt: true, CreateRangeStmt: true, CreateDomainStmt: true },
  'text-search': {
    DefineStmt: defineOf('OBJECT_TSCONFIGURATION', 'OBJECT_TSDICTIONARY', 'OBJECT_TSPARSER', 'OBJECT_TSTEMPLATE'),
    AlterTSConfigurationStmt: true, AlterTSDictionaryStmt: true,
  },
  operator: { DefineStmt: defineOf('OBJECT_OPERATOR'), CreateOpClassStmt: true, CreateOpFamilyStmt: true, AlterOpFamilyStmt: true },
  cast: { CreateCastStmt: true },
  'event-trigger': { CreateEventTrigStmt: true, AlterEventTrigStmt: true },
  grant: { GrantStmt: true, GrantRoleStmt: true, AlterDefaultPrivilegesStmt: true },
};

/**
 * Statements that only define something (nothing runs at apply time): what kind `other` may hold
 * without the `runs-custom-sql` hazard. The importers carry these as `other`.
 */
const PLAIN_DEFINITIONS: Rule = {
  ...COMPANIONS,
  AlterTableStmt: alterTableOnly(['AT_AddConstraint', 'AT_ValidateConstraint', ...ROW_SECURITY, ...TRIGGER_SWITCHES, ...RULE_SWITCHES]),
  CreateStatsStmt: true, CreateConversionStmt: true, CreateTransformStmt: true,
};

function allowedBy(rule: Rule, s: Statement): boolean {
  const allow = rule[s.kind];
  return allow === true || (typeof allow === 'function' && allow(s));
}

function statementName(s: Statement): string {
  return s.kind.replace(/Stmt$/, '');
}

/** Why a carried object's definition is not what its kind allows, or undefined. */
export function rawDefinitionProblem(kind: RawObjectKind, definition: string): string | undefined {
  const tokens = tokenProblem(definition, true);
  if (tokens) return tokens;
  const statements = parseStatements(definition);
  if (typeof statements === 'string') return `is not valid SQL: ${statements}`;
  if (!statements.length) return 'holds no statement';
  if (kind === 'other') return undefined;
  const rule = { ...COMPANIONS, ...ALLOWED[kind] };
  const foreign = statements.find((s) => !allowedBy(rule, s));
  if (foreign) return `holds a ${statementName(foreign)} statement, which a ${kind} object may not hold (use kind "other" for free SQL)`;
  if (!statements.some((s) => allowedBy(ALLOWED[kind], s) && !(s.kind === 'AlterTableStmt'))) return `holds no ${kind} definition`;
  return undefined;
}

/**
 * The statements of a carried object that run code when applied (a DO block, a SELECT, COPY,
 * CREATE ROLE, an event trigger, which fires on the rest of the migration), named for the hazard
 * message; empty when it only defines objects. Text that does not parse counts as custom SQL.
 */
export function customStatements(kind: RawObjectKind, definition: string): string[] {
  const statements = parseStatements(definition);
  if (typeof statements === 'string') return ['unparsed SQL'];
  const runs = statements.filter((s) => {
    if (s.kind === 'DoStmt' || s.kind === 'CreateEventTrigStmt') return true;
    if (kind !== 'other') return false;
    return !allowedBy(PLAIN_DEFINITIONS, s);
  });
  return [...new Set(runs.map(statementName))];
}
