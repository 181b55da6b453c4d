/** Renders the studio's open question (projects/ask.ts) in the shared dialog frame. */
import { useState } from 'react';
import { Dialog } from '../shell/Dialog.tsx';
import { useAsking, type Question } from './ask.ts';
import './ask.css';

function UnsavedQuestion({ question }: { question: Extract<Question, { kind: 'unsaved' }> }) {
  const { answer } = question;
  return (
    <Dialog className="ask" label="Unsaved changes" testId="unsaved-dialog" onClose={() => answer('cancel')}>
      <p className="ask-message" data-testid="unsaved-message">{question.message}</p>
      <div className="ask-actions">
        <button className="btn" data-testid="unsaved-cancel" onClick={() => answer('cancel')}>Cancel</button>
        <button className="btn danger" data-testid="unsaved-discard" onClick={() => answer('discard')}>Discard</button>
        <button className="btn primary" data-testid="unsaved-save" autoFocus onClick={() => answer('save')}>Save</button>
      </div>
    </Dialog>
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

function RestoreQuestion({ question }: { question: Extract<Question, { kind: 'restore' }> }) {
  const { answer } = question;
  return (
    <Dialog className="ask" label="Restore draft" testId="restore-dialog" onClose={() => answer('later')}>
      <p className="ask-message" data-testid="restore-message">{question.message}</p>
      <div className="ask-actions">
        <button className="btn danger" data-testid="restore-discard" onClick={() => answer('discard')}>Discard</button>
        <button className="btn primary" data-testid="restore-accept" autoFocus onClick={() => answer('restore')}>Restore</button>
      </div>
    </Dialog>
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
