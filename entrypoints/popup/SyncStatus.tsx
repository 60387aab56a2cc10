import { timeAgo } from '../../utils/time-ago';
import type { SyncResourceInfo } from '../../utils/messages';

const STATUS_WORDS: Record<SyncResourceInfo['status'], string> = {
  never: 'not synced yet',
  running: 'syncing…',
  interrupted: 'interrupted, resumes on the next sync',
  failed: 'failed',
  ok: 'synced',
};

/** One line per cached resource: what it is, its state, when it last succeeded, why it failed. */
export function SyncStatus({ resources, now }: { resources: SyncResourceInfo[]; now: number }) {
  if (!resources.length) return <p className="lens-muted">Nothing synced yet.</p>;
  return (
    <ul className="sync-list" aria-label="Sync status">
      {resources.map((resource) => {
        const [kind, scopeKind, id] = resource.id.split(':');
        // By path (`lens-demo/web-app`); the id only when the path is not known yet.
        const scope = resource.scopePath ?? `${scopeKind} ${id}`;
        return (
          <li key={resource.id} data-status={resource.status}>
            <span className="sync-list__what">
              {kind?.replace('_', ' ')} · {scope}
            </span>{' '}
            <span className="sync-list__state">
              {STATUS_WORDS[resource.status]}
              {resource.status === 'running' && resource.itemsInRun ? ` ${resource.itemsInRun} so far` : ''}
              {resource.lastSuccessAt ? `, last success ${timeAgo(resource.lastSuccessAt, now)}` : ''}
            </span>
            {resource.error ? <div className="field__error">{resource.error.message}</div> : null}
            {resource.problems.length ? (
              <details className="sync-list__problems">
                <summary>
                  {resource.problems.length} {resource.problems.length === 1 ? 'item' : 'items'} from GitLab could not be read
                  and were skipped
                </summary>
                <ul>
                  {resource.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
