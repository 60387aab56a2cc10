import { describe, expect, it } from 'vitest';
import { scoreCodeowners } from '@/utils/dri/ownership';

describe('CODEOWNERS evidence', () => {
  it('gives 40 points for one owned path, with the path in the reason', () => {
    const scores = scoreCodeowners([{ username: 'ada', path: '/lib/cache/', source: 'issue' }]);
    expect(scores.get('ada')).toEqual({ points: 40, reasons: [{ kind: 'codeowners', text: 'owns /lib/cache/ in CODEOWNERS' }] });
  });

  it('says when the path comes from a related MR', () => {
    const scores = scoreCodeowners([{ username: 'bo', path: '/lib/cache/', source: 'merge-request' }]);
    expect(scores.get('bo')?.reasons).toEqual([{ kind: 'codeowners', text: 'owns /lib/cache/ (changed by a related MR)' }]);
  });

  it('adds up several paths with diminishing returns, counting a path once', () => {
    const scores = scoreCodeowners([
      { username: 'ada', path: '/lib/a/', source: 'merge-request' },
      { username: 'Ada', path: '/lib/a/', source: 'issue' }, // same path and person: once, as the issue's
      { username: 'ada', path: '/lib/b/', source: 'issue' },
      { username: 'ada', path: '/lib/c/', source: 'merge-request' },
      { username: 'ada', path: '/lib/d/', source: 'merge-request' },
      { username: 'cy', path: '/docs/', source: 'issue' },
    ]);
    // ada: 4 distinct paths → 40 + 20 + 10 + 5 = 75.
    expect(scores.get('ada')).toEqual({
      points: 75,
      reasons: [
        { kind: 'codeowners', text: 'owns /lib/a/ and /lib/b/ in CODEOWNERS' },
        { kind: 'codeowners', text: 'owns /lib/c/ and /lib/d/ (changed by related MRs)' },
      ],
    });
    expect(scores.get('cy')?.points).toBe(40);
  });

  it('shortens long path lists and skips blank entries', () => {
    const paths = ['/a/', '/b/', '/c/', '/d/', '/e/'];
    const scores = scoreCodeowners([...paths.map((path) => ({ username: 'ada', path, source: 'issue' as const })), { username: ' ', path: '/x/', source: 'issue' }, { username: 'bo', path: ' ', source: 'issue' }]);
    expect(scores.get('ada')?.reasons).toEqual([{ kind: 'codeowners', text: 'owns /a/, /b/ and 3 more paths in CODEOWNERS' }]);
    expect(scores.get('ada')?.points).toBe(77.5); // 80 × (1 − 1/32)
    expect([...scores.keys()]).toEqual(['ada']);
  });
});
