/** Renders the studio's open question (projects/ask.ts) in the shared dialog frame. */
import { useState } from 'react';
import { Dialog } from '../shell/Dialog.tsx';
import { useAsking, type Question } from './ask.ts';
import './ask.css';

interface Choice {
  testId: string;
  label: string;
  look?: 'primary' | 'danger';
  pick: () => void;
}

/** A sentence and its buttons, the last one (the primary) taking focus. */
function ChoiceQuestion({ label, testId, message, onClose, choices }: { label: string; testId: string; message: string; onClose: () => void; choices: Choice[] }) {
  return (
    <Dialog className="ask" label={label} testId={`${testId}-dialog`} onClose={onClose}>
      <p className="ask-message" data-testid={`${testId}-message`}>{message}</p>
      <div className="ask-actions">
        {choices.map((c, i) => (
          <button key={c.testId} className={`btn ${c.look ?? ''}`} data-testid={c.testId} autoFocus={i === choices.length - 1} onClick={c.pick}>{c.label}</button>
        ))}
      </div>
    </Dialog>
  );
}

function UnsavedQuestion({ question: { message, answer } }: { question: Extract<Question, { kind: 'unsaved' }> }) {
  return (
    <ChoiceQuestion label="Unsaved changes" testId="unsaved" message={message} onClose={() => answer('cancel')} choices={[
      { testId: 'unsaved-cancel', label: 'Cancel', pick: () => answer('cancel') },
      { testId: 'unsaved-discard', label: 'Discard', look: 'danger', pick: () => answer('discard') },
      { testId: 'unsaved-save', label: 'Save', look: 'primary', pick: () => answer('save') },
    ]} />
  );
}

function NameQuestion({ question }: { question: Extract<Question, { kind: 'name' }> }) {
  const [name, setName] = useState(question.initial);
  const { answer } = question;
  return (
    <Dialog className="ask" label={question.title} testId="name-dialog" onClose={() => answer(undefined)}>
      <form className="ask-form" onSubmit={(e) => { e.preventDefault(); if (name.trim()) answer(name.trim()); }}>
        <label className="ask-label" htmlFor="ask-name">Project name</label>
        <input
          id="ask-name" className="field" data-testid="name-input" autoFocus maxLength={200}
          placeholder="e.g. Billing" value={name} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.target.select()}
        />
        <div className="ask-actions">
          <button type="button" className="btn" data-testid="name-cancel" onClick={() => answer(undefined)}>Cancel</button>
          <button className="btn primary" data-testid="name-save" disabled={!name.trim()}>Save</button>
        </div>
      </form>
    </Dialog>
  );
}

function RestoreQuestion({ question: { message, answer } }: { question: Extract<Question, { kind: 'restore' }> }) {
  return (
    <ChoiceQuestion label="Restore draft" testId="restore" message={message} onClose={() => answer('later')} choices={[
      { testId: 'restore-discard', label: 'Discard', look: 'danger', pick: () => answer('discard') },
      { testId: 'restore-accept', label: 'Restore', look: 'primary', pick: () => answer('restore') },
    ]} />
  );
}

function AskedQuestion({ question }: { question: Question }) {
  if (question.kind === 'unsaved') return <UnsavedQuestion question={question} />;
  if (question.kind === 'name') return <NameQuestion key={question.initial} question={question} />;
  return <RestoreQuestion question={question} />;
}

export function AskDialog() {
  const question = useAsking((s) => s.question);
  if (!question) return null;
  // Modal: the studio's shortcuts (Delete, Ctrl+Z…) must not act on the page behind the question.
  return <div className="ask-layer" onKeyDown={(e) => e.stopPropagation()}><AskedQuestion question={question} /></div>;
}
