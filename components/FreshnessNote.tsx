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
      ? `updating… (data from ${ago(syncedAt, now)})`
      : 'syncing data from GitLab…'
    : syncedAt
      ? `updated ${ago(syncedAt, now)}`
      : 'no data yet';
  return (
    <span className="lens-muted lens-freshness" title={error ? `Last sync failed: ${error.message}` : undefined}>
      {text}
      {error && !syncing ? ` · last sync failed: ${error.message}` : ''}
    </span>
  );
}

function ago(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}
