import { timeAgo } from '../utils/time-ago';

interface FreshnessNoteProps {
  syncedAt: string | null;
  syncing: boolean;
  error?: { message: string };
  now: number;
}

/** "updated 5 min ago", "syncing…" or why the last sync failed: how much to trust the numbers. */
export function FreshnessNote({ syncedAt, syncing, error, now }: FreshnessNoteProps) {
  const text = syncing
    ? syncedAt
      ? `updating… (data from ${timeAgo(syncedAt, now)})`
      : 'syncing data from GitLab…'
    : syncedAt
      ? `updated ${timeAgo(syncedAt, now)}`
      : 'no data yet';
  return (
    <span className="lens-muted lens-freshness" title={error ? `Last sync failed: ${error.message}` : undefined}>
      {text}
      {error && !syncing ? ` · last sync failed: ${error.message}` : ''}
    </span>
  );
}
