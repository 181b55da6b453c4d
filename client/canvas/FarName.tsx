/** A node's name as drawn far away (far.css scales it with --lod-scale to stay legible). */
import { labelWords } from './level-of-detail.ts';
import './far.css';

/** `always`: rendered at every zoom and shown by CSS only when the canvas is far (views, enums: few nodes). */
export function FarName({ schema, name, always = false }: { schema: string; name: string; always?: boolean }) {
  return (
    <div className={`far-name${always ? ' far-only' : ''}`} data-testid="far-name" title={`${schema}.${name}`}>
      {labelWords(name).map((word, i) => <span key={i} className="far-word">{word}</span>)}
    </div>
  );
}
