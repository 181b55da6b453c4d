/**
 * The studio's own questions, asked as promises: what to do with unsaved work before it is
 * replaced, what to name a project, whether to bring back a kept draft. One question at a time,
 * answered by `AskDialog`; a question asked while another is open cancels the older one.
 */
import { create } from 'zustand';

export type LeaveChoice = 'save' | 'discard' | 'cancel';
/** `later`: closed without choosing; the draft stays kept until a newer one replaces it. */
export type RestoreChoice = 'restore' | 'discard' | 'later';

export type Question =
  | { kind: 'unsaved'; message: string; answer: (choice: LeaveChoice) => void }
  | { kind: 'name'; title: string; initial: string; answer: (name: string | undefined) => void }
  | { kind: 'restore'; message: string; answer: (choice: RestoreChoice) => void };

interface Asking {
  question: Question | null;
}

export const useAsking = create<Asking>(() => ({ question: null }));

type Pending = Question extends infer Q ? (Q extends Question ? Omit<Q, 'answer'> : never) : never;

function ask<T>(question: Pending, cancelled: T): Promise<T> {
  useAsking.getState().question?.answer(cancelled as never);
  return new Promise<T>((resolve) => {
    const answer = (value: T) => {
      if (useAsking.getState().question === asked) useAsking.setState({ question: null });
      resolve(value);
    };
    const asked = { ...question, answer } as Question;
    useAsking.setState({ question: asked });
  });
}

/** Save / Discard / Cancel before unsaved work is replaced. */
export function askAboutUnsaved(message: string): Promise<LeaveChoice> {
  return ask<LeaveChoice>({ kind: 'unsaved', message }, 'cancel');
}

/** A name for a project; undefined when the user cancels. `initial` fills the field. */
export function askProjectName(initial: string, title = 'Save as project'): Promise<string | undefined> {
  return ask<string | undefined>({ kind: 'name', title, initial }, undefined);
}

/** Restore or Discard a draft kept from an earlier visit. */
export function askToRestore(message: string): Promise<RestoreChoice> {
  return ask<RestoreChoice>({ kind: 'restore', message }, 'later');
}
