import { describe, expect, it } from 'vitest';
import { recencyWeight, scoreHistory, topicalLabels } from '@/utils/dri/history';
import type { HistoryIssue, HistoryMergeRequest } from '@/utils/dri/types';
import { daysAgo, issue, now } from './fixtures';

const closed = (closedBy: string | null, labels: string[], days: number | null, state = 'closed'): HistoryIssue => ({
  labels,
  state,
  closedAt: days === null ? null : daysAgo(days),
  closedBy,
});
const merged = (author: string, labels: string[], days: number | null, closesIssueLabels?: string[]): HistoryMergeRequest => ({
  labels,
  mergedAt: days === null ? null : daysAgo(days),
  author,
  ...(closesIssueLabels ? { closesIssueLabels } : {}),
});
const options = { historyDays: 180, ignoredLabels: ['good first issue'] };
const theIssue = issue({ labels: ['Service::Redis', 'backend', 'workflow::in dev', 'type::bug', 'Good First Issue'] });

describe('history evidence', () => {
  it('leaves process labels and the simple labels out of the comparison', () => {
    expect(topicalLabels(theIssue.labels, options.ignoredLabels)).toEqual(['Service::Redis', 'backend']);
    expect(topicalLabels(['Priority::1', 'Status::Done', 'severity::2', 'x', 'X'])).toEqual(['x']);
  });

  it('weighs by linear decay: 1 − age / window', () => {
    expect(recencyWeight(daysAgo(0), now, 180).weight).toBe(1);
    expect(recencyWeight(daysAgo(90), now, 180).weight).toBe(0.5);
    expect(recencyWeight(daysAgo(36), now, 180).weight).toBeCloseTo(0.8, 12);
    expect(recencyWeight(daysAgo(180), now, 180).weight).toBe(0);
    expect(recencyWeight(daysAgo(200), now, 180).weight).toBe(0);
    expect(recencyWeight('2025-06-02T00:00:00Z', now, 180).weight).toBe(1); // future: today
    expect(recencyWeight(null, now, 180).weight).toBe(0);
    expect(recencyWeight('not a date', now, 180).weight).toBe(0);
  });

  it('counts closers of issues sharing a label, by recency, naming the label and span', () => {
    const scores = scoreHistory(
      theIssue,
      {
        issues: [
          closed('ada', ['Service::Redis'], 0), // w 1
          closed('ada', ['service::redis', 'backend'], 90), // w 0.5
          closed('Ada', ['Service::Redis'], 90), // w 0.5
          closed('bo', ['workflow::in dev', 'type::bug'], 1), // shares only process labels: out
          closed('bo', ['Service::Redis'], 200), // too old: out
          closed('bo', ['Service::Redis'], 180), // weight 0: out
          closed('bo', ['Service::Redis'], 5, 'opened'), // reopened: out
          closed(null, ['Service::Redis'], 5), // no closer: out
          closed('cy', ['good first issue'], 1), // simple label only: out
        ],
        mergeRequests: [],
      },
      options,
      now,
    );
    // ada: Σw = 1 + 0.5 + 0.5 = 2 → 40 × (1 − 0.25) = 30.
    expect(Object.fromEntries(scores)).toEqual({
      ada: { points: 30, reasons: [{ kind: 'history', text: 'closed 3 Service::Redis issues in 90 d' }] },
    });
  });

  it('counts authors of merged MRs by their labels or the labels of the issues they close', () => {
    const scores = scoreHistory(
      theIssue,
      {
        issues: [closed('bo', ['backend'], 36)], // w 0.8
        mergeRequests: [
          merged('bo', [], 18, ['Service::Redis']), // w 0.9
          merged('bo', ['Service::Redis'], null), // not merged: out
          merged('cy', ['frontend'], 3, ['docs']), // shares nothing: out
        ],
      },
      options,
      now,
    );
    // bo: Σw = 0.8 + 0.9 = 1.7 → 40 × (1 − 0.5^1.7) = 40 × (1 − 0.307786) = 27.689.
    expect([...scores.keys()]).toEqual(['bo']);
    expect(scores.get('bo')?.points).toBeCloseTo(27.689, 3);
    expect(scores.get('bo')?.reasons).toEqual([
      { kind: 'history', text: 'closed 1 backend issue in 36 d' },
      { kind: 'history', text: 'authored 1 merged Service::Redis MR in 18 d' },
    ]);
  });

  it('names the most shared label when not every item has it (ties: the issue’s label order)', () => {
    const scores = scoreHistory(
      theIssue,
      {
        issues: [closed('cy', ['Service::Redis'], 10), closed('cy', ['backend'], 20), closed('cy', ['backend', 'Service::Redis'], 29.5)],
        mergeRequests: [merged('cy', ['backend'], 2), merged('cy', ['backend', 'Service::Redis'], 4), merged('cy', ['backend'], 0.25)],
      },
      options,
      now,
    );
    // Σw = 3 − (10 + 20 + 29.5) / 180 + 3 − (2 + 4 + 0.25) / 180 = 6 − 65.75 / 180 = 5.634722
    // → 40 × (1 − 0.5^5.634722) = 40 × (1 − 0.020127) = 39.195.
    expect(scores.get('cy')?.points).toBeCloseTo(39.195, 3);
    expect(scores.get('cy')?.reasons).toEqual([
      // Service::Redis 2, backend 2: the issue lists Service::Redis first. 29.5 d rounds up to 30.
      { kind: 'history', text: 'closed 3 issues sharing labels, 2 of them Service::Redis, in 30 d' },
      // Every MR has backend (Service::Redis only one): backend, though the issue lists it second.
      { kind: 'history', text: 'authored 3 merged backend MRs in 4 d' },
    ]);
  });

  it('uses the configured window and finds nothing for an issue without topical labels', () => {
    const history = { issues: [closed('ada', ['Service::Redis'], 45)], mergeRequests: [] };
    // Window 90 d: w = 1 − 45/90 = 0.5 → 40 × (1 − 0.5^0.5) = 40 × 0.292893 = 11.716.
    expect(scoreHistory(theIssue, history, { historyDays: 90 }, now).get('ada')?.points).toBeCloseTo(11.716, 3);
    expect(scoreHistory(theIssue, history, { historyDays: 30 }, now).size).toBe(0);
    expect(scoreHistory(issue({ labels: ['workflow::in dev'] }), history, options, now).size).toBe(0);
  });
});
