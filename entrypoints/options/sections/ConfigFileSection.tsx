import { useId, useRef, useState } from 'react';
import { exportConfig, parseConfig, type ConfigProblem, type ConfigSettings } from '../../../utils/settings/config-file';
import type { StoredSettings } from '../../../utils/settings';

interface Props {
  /** The settings as saved (what Export writes: unsaved edits are not in a file). */
  saved: StoredSettings;
  /** A valid file's settings, to put into the form for review before Save. */
  onImport: (settings: ConfigSettings, fileName: string) => void;
}

type ImportState = { kind: 'idle' } | { kind: 'problems'; fileName: string; problems: ConfigProblem[] } | { kind: 'imported'; fileName: string };

/** Most files are a few kilobytes; anything this big is not a configuration. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Export and import the whole configuration, token excepted (SPEC §5, §7). An import that does
 * not validate lists every problem and changes nothing; a valid one fills the form, to be
 * reviewed and saved like any edit.
 */
export function ConfigFileSection({ saved, onImport }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const statusId = useId();

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportConfig(saved)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'engineering-lens.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const read = (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setState({ kind: 'problems', fileName: file.name, problems: [{ path: '', message: 'This file is too large to be a configuration.' }] });
      return;
    }
    void file.text().then((text) => {
      const result = parseConfig(text);
      if (!result.ok) return setState({ kind: 'problems', fileName: file.name, problems: result.problems });
      onImport(result.settings, file.name);
      setState({ kind: 'imported', fileName: file.name });
    });
  };

  return (
    <section aria-labelledby="config-file-heading" className="options-section">
      <h2 id="config-file-heading" tabIndex={-1}>
        Configuration file
      </h2>
      <p className="options-section__intro lens-muted">
        All settings but the token, as a JSON file to keep, share with the team or put in a repository (format described in the README).
      </p>
      <div className="actions">
        <button type="button" onClick={download}>
          Export settings
        </button>
        <button type="button" onClick={() => input.current?.click()} aria-describedby={state.kind === 'idle' ? undefined : statusId}>
          Import settings…
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="config-import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) read(file);
          }}
        />
      </div>
      <div id={statusId} role="status" aria-live="polite">
        {state.kind === 'imported' ? (
          <p className="status status--success" data-testid="config-import-result">
            Imported {state.fileName}. Review the settings below, then Save.
          </p>
        ) : null}
        {state.kind === 'problems' ? (
          <div className="status status--error" data-testid="config-import-result">
            <p>
              {state.fileName} was not imported; nothing changed. {state.problems.length === 1 ? 'One problem:' : `${state.problems.length} problems:`}
            </p>
            <ul>
              {state.problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  {problem.path ? <code>{problem.path}</code> : null}
                  {problem.path ? ': ' : ''}
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
