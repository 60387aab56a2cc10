/**
 * A suggestion's state in words, for the issue page's form, the popup and the options page.
 * No imports at run time: the content script's bundle stays small.
 */
import type { OutboxItem } from '../messages';

/** "Sent: filed as a new issue.", "Saved in the outbox; sending again at 10:42.", "Not sent: …". */
export function outboxStateText(item: Pick<OutboxItem, 'status' | 'nextAttemptAt' | 'reason' | 'fix'>, now: number): string {
  switch (item.status) {
    case 'sent':
      return 'Sent: filed as a new issue.';
    case 'failed':
      return `Not sent: ${item.reason ?? 'GitLab refused it.'} ${item.fix ?? ''}`.trim();
    case 'pending':
    case 'unknown':
    case 'sending': {
      const when = item.nextAttemptAt && item.nextAttemptAt > now ? ` again at ${new Date(item.nextAttemptAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}` : '';
      const last = item.reason ? ` (last try: ${item.reason.replace(/\.$/, '')})` : '';
      return `Saved in the outbox; sending${when}${last}.`;
    }
    case 'discarded':
      return 'Discarded.';
  }
}

/** A short state word for lists: never colour alone. */
export function outboxStateWord(status: OutboxItem['status']): string {
  switch (status) {
    case 'sent':
      return 'Sent';
    case 'failed':
      return 'Not sent';
    case 'discarded':
      return 'Discarded';
    default:
      return 'Sending';
  }
}
