import { newSubmission, transition, type OutboxEvent, type OutboxRecord } from '@/utils/survey/outbox';
import { submissionDraftSchema, type SubmissionDraft, type SubmissionDraftInput } from '@/utils/survey/submission';

export const ID = 'ela-00112233-4455-4677-8899-aabbccddeeff';
export const OTHER_ID = 'ela-ffeeddcc-bbaa-4988-a766-554433221100';
export const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

export function draft(fields: Partial<SubmissionDraftInput> = {}): SubmissionDraft {
  return submissionDraftSchema.parse({
    suggestion: 'Make the CI cache survive runner restarts',
    justification: 'Pipelines would be 4 minutes faster.',
    category: 'developer efficiency',
    relatedIssue: { projectPath: 'acme/web', iid: 42, url: 'https://gitlab.example.com/acme/web/-/issues/42' },
    ...fields,
  });
}

const noJitter = () => 0;

/** Walks a fresh record through events, one millisecond apart, without jitter. */
export function recordAfter(events: OutboxEvent[], start = T0): OutboxRecord {
  let record = newSubmission(ID, draft(), start);
  events.forEach((event, index) => {
    record = transition(record, event, start + index + 1, noJitter);
  });
  return record;
}

/** One record in each state, for the transition table. */
export function sampleRecords(): Record<OutboxRecord['status'], OutboxRecord> {
  return {
    pending: recordAfter([]),
    sending: recordAfter([{ type: 'attempt-started' }]),
    unknown: recordAfter([{ type: 'attempt-started' }, { type: 'transient-error', kind: 'timeout' }]),
    sent: recordAfter([{ type: 'attempt-started' }, { type: 'created-ok', issue: { iid: 7, web_url: 'https://gitlab.example.com/acme/web/-/issues/7' } }]),
    failed: recordAfter([{ type: 'attempt-started' }, { type: 'permanent-error', kind: 'scope', message: '403' }]),
    discarded: recordAfter([{ type: 'discard' }]),
  };
}
