/** Domains of the model: name, schema, base type, NOT NULL, default, collation, checks, comment. */
import type { Domain, Model } from '../../shared/model/document.ts';
import { newId } from '../../shared/model/ids.ts';
import { addDomain, firstFree, removeDomain, updateDomain, type DomainPatch } from '../../shared/model/ops/index.ts';
import { useSafeEdit, type Edit } from '../inspector/edit.ts';
import { FocusItem } from '../inspector/FocusItem.tsx';
import { CheckField, TextField } from '../inspector/TextField.tsx';
import { TypePicker } from '../inspector/TypePicker.tsx';
import { ObjectSection } from './ObjectSection.tsx';
import '../inspector/panels.css';

export interface DomainEditorProps {
  model: Model;
  onEdit: Edit;
  onError?: (message: string) => void;
  selectedId?: string;
}

function DomainChecks({ domain, patch }: { domain: Domain; patch: (p: DomainPatch) => void }) {
  const setCheck = (id: string, change: { name?: string; expression?: string }) =>
    patch({
      checks: domain.checks.map((c) => {
        if (c.id !== id) return c;
        const next = { ...c, ...change };
        if (!next.name) delete next.name;
        return next;
      }),
    });
  return (
    <div className="domain-checks">
      <span className="label">CHECK</span>
      {domain.checks.map((c) => (
        <div className="row" key={c.id} data-testid="domain-check">
          <TextField value={c.expression} mono label="Domain check expression" testId="domain-check-expression" onCommit={(expression) => setCheck(c.id, { expression })} />
          <TextField value={c.name ?? ''} placeholder="default name" label="Domain check name" testId="domain-check-name" className="narrow" onCommit={(name) => setCheck(c.id, { name })} />
          <button className="btn icon small danger" data-testid="domain-check-remove" title="Remove check" onClick={() => patch({ checks: domain.checks.filter((x) => x.id !== c.id) })}>×</button>
        </div>
      ))}
      <TextField
        value=""
        mono
        placeholder="+ check, e.g. VALUE > 0 (Enter)"
        label="New domain check"
        testId="domain-check-add"
        onCommit={(expression) => expression.trim() && patch({ checks: [...domain.checks, { id: newId('dck'), expression }] })}
      />
    </div>
  );
}

function DomainItem({ model, domain, edit, selected }: { model: Model; domain: Domain; edit: Edit; selected: boolean }) {
  const domainId = domain.id;
  const patch = (p: DomainPatch) => edit((m) => updateDomain(m, { domainId, patch: p }));
  return (
    <FocusItem focused={selected} testId="domain-item" data={{ 'data-domain': `${domain.schema}.${domain.name}` }}>
      <div className="row">
        <TextField value={domain.name} label="Domain name" testId="domain-name" onCommit={(name) => patch({ name })} />
        <TextField value={domain.schema} label="Domain schema" testId="domain-schema" className="narrow" onCommit={(schema) => patch({ schema })} />
        <button className="btn icon small danger" data-testid="domain-remove" title="Delete domain (its columns take the base type)" onClick={() => edit((m) => removeDomain(m, { domainId }))}>×</button>
      </div>
      <div className="row">
        <TypePicker model={{ ...model, domains: model.domains.filter((d) => d.id !== domainId) }} type={domain.type} testId="domain" onChange={(type) => patch({ type })} />
        <CheckField label="NOT NULL" testId="domain-not-null" checked={domain.notNull} onChange={(notNull) => patch({ notNull })} />
      </div>
      <div className="row">
        <TextField value={domain.default ?? ''} mono placeholder="default" label="Domain default" testId="domain-default" onCommit={(text) => patch({ default: text || null })} />
        <TextField value={domain.collation ?? ''} placeholder="collation" label="Domain collation" testId="domain-collation" className="narrow" onCommit={(text) => patch({ collation: text || null })} />
      </div>
      <DomainChecks domain={domain} patch={patch} />
      <TextField value={domain.comment ?? ''} placeholder="comment" label="Domain comment" testId="domain-comment" onCommit={(text) => patch({ comment: text || null })} />
    </FocusItem>
  );
}

export function DomainEditor({ model, onEdit, onError, selectedId }: DomainEditorProps) {
  const edit = useSafeEdit(onEdit, onError);
  const add = () => edit((m) => addDomain(m, { name: firstFree('domain', m.domains.map((d) => d.name)), type: { name: 'text' } }));
  return (
    <ObjectSection id="domains" title="Domains" count={model.domains.length} empty="No domains yet." testId="domain-editor"
      holdsFocus={model.domains.some((d) => d.id === selectedId)} actions={<button className="btn small" data-testid="domain-add" onClick={add}>+ domain</button>}>
      {model.domains.map((d) => <DomainItem key={d.id} model={model} domain={d} edit={edit} selected={d.id === selectedId} />)}
    </ObjectSection>
  );
}
