import { useState } from 'react';
import type { CoderView } from '../../app/service/views.js';

/** Asked on first start: every coding records who made it. */
export function CoderPrompt({ coders, onChoose, onCancel }: { coders: CoderView[]; onChoose(name: string): void; onCancel?(): void }) {
  const [name, setName] = useState('');
  return (
    <div className="overlay">
      <form
        className="dialog"
        role="dialog"
        aria-label="Who is coding?"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) onChoose(name.trim());
        }}
      >
        <h2>Who is coding?</h2>
        <p className="muted">Gloss records your name on every coding and memo, so a team can compare and review its work.</p>
        <input autoFocus placeholder="Your name" aria-label="Your name" value={name} onChange={(event) => setName(event.target.value)} />
        {coders.length > 0 && (
          <div className="coder-choices">
            <span className="muted small">or continue as</span>
            {coders.map((coder) => (
              <button key={coder.id} type="button" className="button small" onClick={() => onChoose(coder.name)}>
                {coder.name}
              </button>
            ))}
          </div>
        )}
        <div className="dialog-actions">
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button primary" disabled={!name.trim()}>
            Start coding
          </button>
        </div>
      </form>
    </div>
  );
}
