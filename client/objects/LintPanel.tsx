/**
 * Design issues of the model, grouped by severity; a click jumps to the object. Findings with a
 * one-click fix show a Fix button, and a rule with several of them a "fix all" for the rule.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Model } from '../../shared/model/document.ts';
import { LINT_RULES, lintModel, SEVERITY_ORDER, type LintIssue, type LintSeverity } from '../../shared/lint/lint.ts';
import { lintFix } from '../../shared/lint/fixes.ts';
import { isSqlParserLoaded } from '../../shared/io/parser.ts';
import { pendingSqlFieldChecks } from '../../shared/model/sql-fields.ts';
import { inIdleSlices, whenIdle } from '../shell/idle.ts';
import '../inspector/panels.css';

export interface LintPanelProps {
  model: Model;
  /** Jump to the object: select its table (if any) and show the object. */
  onSelect: (objectId: string, tableId: string | undefined) => void;
  /** Applies the fixes of these findings as one undoable edit. */
  onFix: (issues: LintIssue[]) => void;
}

const TITLES: Record<LintSeverity, string> = { error: 'Errors', warning: 'Warnings', info: 'Suggestions' };
/** Large models have hundreds of findings: render the first ones per group until asked for all. */
const SHOWN = 100;

/** Issues by severity, in `SEVERITY_ORDER`; empty groups are left out. */
export function groupIssues(issues: LintIssue[]): Array<[LintSeverity, LintIssue[]]> {
  return SEVERITY_ORDER.map((s) => [s, issues.filter((i) => i.severity === s)] as [LintSeverity, LintIssue[]]).filter(([, list]) => list.length > 0);
}

export function LintPanel({ model, onSelect, onFix }: LintPanelProps) {
  const issues = useMemo(() => lintModel(model), [model]);
  const groups = useMemo(() => groupIssues(issues), [issues]);
  if (issues.length === 0) {
    return <div className="lint-panel lint-clean" data-testid="lint-panel" data-count={0}>No design issues found.</div>;
  }
  return (
    <div className="lint-panel" data-testid="lint-panel" data-count={issues.length}>
      {groups.map(([severity, list]) => <LintGroup key={severity} model={model} severity={severity} list={list} onSelect={onSelect} onFix={onFix} />)}
    </div>
  );
}

/** Rules with more than one fixable finding in the list, with those findings, most first. */
function fixableByRule(model: Model, list: LintIssue[]): Array<[string, LintIssue[]]> {
  const byRule = new Map<string, LintIssue[]>();
  for (const issue of list) {
    if (!lintFix(model, issue)) continue;
    byRule.set(issue.code, [...(byRule.get(issue.code) ?? []), issue]);
  }
  return [...byRule].filter(([, issues]) => issues.length > 1).sort((a, b) => b[1].length - a[1].length);
}

interface GroupProps extends LintPanelProps { severity: LintSeverity; list: LintIssue[] }

function LintGroup({ model, severity, list, onSelect, onFix }: GroupProps) {
  const [all, setAll] = useState(false);
  const shown = all ? list : list.slice(0, SHOWN);
  const bulk = useMemo(() => fixableByRule(model, list), [model, list]);
  return (
    <section className={`lint-group lint-${severity}`} data-testid={`lint-group-${severity}`}>
      <h4>{TITLES[severity]} <span className="count">{list.length}</span></h4>
      {bulk.length > 0 && (
        <div className="lint-fix-all">
          {bulk.map(([code, issues]) => (
            <button key={code} className="btn small" data-testid="lint-fix-all" data-code={code} title={LINT_RULES[code]} onClick={() => onFix(issues)}>
              Fix all {issues.length} <code>{code}</code>
            </button>
          ))}
        </div>
      )}
      <ul>
        {shown.map((issue, i) => {
          const fix = lintFix(model, issue);
          return (
            <li key={`${issue.code}:${issue.objectId}:${i}`} className="lint-row">
              <button
                className="lint-issue"
                data-testid="lint-issue"
                data-code={issue.code}
                data-severity={issue.severity}
                title={`${issue.code}: ${LINT_RULES[issue.code] ?? ''}`}
                onClick={() => onSelect(issue.objectId, issue.tableId)}
              >
                <span className={`lint-dot ${issue.severity}`} aria-hidden />
                <span className="lint-message">{issue.message}</span>
              </button>
              {fix && (
                <button className="btn small lint-fix" data-testid="lint-fix" title={fix.title} aria-label={fix.title} onClick={() => onFix([issue])}>
                  Fix
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {shown.length < list.length && (
        <button className="btn small lint-more" data-testid={`lint-show-all-${severity}`} onClick={() => setAll(true)}>
          Show all {list.length}
        </button>
      )}
    </section>
  );
}

const NO_ISSUES: Record<LintSeverity, number> = { error: 0, warning: 0, info: 0 };

function countIssues(model: Model): Record<LintSeverity, number> {
  const counts = { ...NO_ISSUES };
  for (const issue of lintModel(model)) counts[issue.severity] += 1;
  return counts;
}

/**
 * The number of issues per severity, for a badge on the panel's tab. Counted after the edit is
 * painted: linting a large model takes longer than a frame (≈100 ms for 2,000 tables), and the
 * badge is always on screen, so counting in the render would hold every edit's repaint back.
 */
export function useLintCounts(model: Model): Record<LintSeverity, number> {
  const [counted, setCounted] = useState<{ model?: Model; counts: Record<LintSeverity, number> }>({ counts: NO_ISSUES });
  useEffect(() => {
    if (counted.model === model) return;
    // The edit is painted first; the count follows once the page is idle. Even listing the SQL
    // fields that still need a check walks every column (~40 ms for 2,000 tables), so it waits for
    // idle time too: in a frame callback it held back the very frame that painted the edit. A
    // document just opened is still being measured and placed then, and its first count checks every
    // SQL field with PostgreSQL's parser (~0.4 s for musicbrainz): those checks run first, in idle
    // slices, so the page keeps answering (and joins its room) meanwhile; the count then reads their verdicts.
    let cancelIdle = whenIdle(() => {
      const checks = isSqlParserLoaded() ? pendingSqlFieldChecks(model) : [];
      cancelIdle = inIdleSlices(checks, () => setCounted({ model, counts: countIssues(model) }), 1000);
    }, 1000);
    return () => cancelIdle();
  }, [model, counted.model]);
  return counted.counts;
}
