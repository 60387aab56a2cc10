import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/send-message';
import type { ResponseOf } from '../../utils/messages';

type Status = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; settings: ResponseOf<'ui:settings-get'>['settings'] };

export function App() {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  useEffect(() => {
    sendMessage('ui:settings-get', {})
      .then(({ settings }) => setStatus({ kind: 'ready', settings }))
      .catch((error: unknown) => setStatus({ kind: 'error', message: String(error instanceof Error ? error.message : error) }));
  }, []);

  return (
    <main style={{ width: 320, padding: '0.75rem 1rem' }}>
      <h1 style={{ fontSize: '1.1rem' }}>Engineering Lens</h1>
      <div role="status" aria-live="polite">
        {status.kind === 'loading' ? <p>Loading…</p> : null}
        {status.kind === 'error' ? <p className="field__error">{status.message}</p> : null}
        {status.kind === 'ready' ? (
          status.settings.hasToken ? (
            <p>
              Connected to <strong>{new URL(status.settings.gitlabUrl).host}</strong>.
            </p>
          ) : (
            <p>Not set up yet: add your GitLab URL and a personal access token in the settings.</p>
          )
        ) : null}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          Open settings
        </button>
      </div>
    </main>
  );
}
