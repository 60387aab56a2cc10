/**
 * A submission's id: made by the form when a suggestion is first typed, kept with its draft, and
 * written into the created issue. Submitting the same draft again (after an answer got lost)
 * carries the same id, so the outbox files it once. No imports: the content script stays small.
 */

export const SUBMISSION_ID = /^ela-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * `ela-` plus a version 4 UUID built from 16 injected random bytes (in the extension:
 * `crypto.getRandomValues`), so tests can pin ids.
 */
export function submissionId(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(16);
  if (bytes.length < 16) throw new Error('submissionId needs 16 random bytes.');
  const b = Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `ela-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new id from the platform's random source (pages on plain http have no randomUUID). */
export const newSubmissionId = (): string => submissionId((n) => crypto.getRandomValues(new Uint8Array(n)));
