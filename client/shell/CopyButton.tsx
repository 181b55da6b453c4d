/** Copies a message (an error, a plan's failure) to the clipboard, and says so for a moment. */
import { useEffect, useState } from 'react';

export function CopyButton({ text, testId = 'copy-message', label = 'Copy' }: { text: string; testId?: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    // The clipboard exists only in a secure context (https, localhost): elsewhere say it did not work.
    if (!navigator.clipboard) return setCopied('no');
    navigator.clipboard.writeText(text).then(() => setCopied('yes'), () => setCopied('no'));
  };
  return (
    <button className="btn small copy-button" data-testid={testId} title="Copy the whole message" onClick={copy}>
      {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy failed' : label}
    </button>
  );
}
