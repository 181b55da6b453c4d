/** A node's name as drawn far away (far.css scales it with --lod-scale to stay legible). */
import './far.css';

/** The name with a line break allowed after each underscore: a far label wraps between words. */
function breakable(name: string): React.ReactNode[] {
  return name.split(/(?<=_)/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : [part]));
}

/** `always`: rendered at every zoom and shown by CSS only when the canvas is far (views, enums: few nodes). */
export function FarName({ schema, name, always = false }: { schema: string; name: string; always?: boolean }) {
  return (
    <div className={`far-name${always ? ' far-only' : ''}`} data-testid="far-name" title={`${schema}.${name}`}>
      {breakable(name)}
    </div>
  );
}
