/**
 * CODEOWNERS evidence (SPEC §4.2). The parser (codeowners.ts) and the caller resolve which paths
 * the issue mentions or its related MRs change and who owns them; this scores the result. Each
 * distinct path a person owns is one unit: CODEOWNER_POINTS for the first, diminishing after
 * (40, 60, 70, ...). A path named by both the issue and an MR counts once, as the issue's.
 */
import { CODEOWNER_POINTS, diminishing, listNames } from './points';
import { userKey, type CodeownerEvidence, type DriReason, type ScoresByUser } from './types';

export function scoreCodeowners(evidence: readonly CodeownerEvidence[]): ScoresByUser {
  const perUser = new Map<string, { issue: string[]; mr: string[]; seen: Set<string> }>();
  // Paths the issue names first, so a path in both is worded as the issue's.
  const ordered = [...evidence.filter((e) => e.source === 'issue'), ...evidence.filter((e) => e.source !== 'issue')];
  for (const { username, path, source } of ordered) {
    const user = userKey(username);
    const trimmed = path.trim();
    if (user === '' || trimmed === '') continue;
    const entry = perUser.get(user) ?? { issue: [], mr: [], seen: new Set<string>() };
    perUser.set(user, entry);
    if (entry.seen.has(trimmed)) continue;
    entry.seen.add(trimmed);
    (source === 'issue' ? entry.issue : entry.mr).push(trimmed);
  }
  const scores: ScoresByUser = new Map();
  for (const [user, { issue, mr, seen }] of perUser) {
    const reasons: DriReason[] = [];
    if (issue.length > 0) reasons.push({ kind: 'codeowners', text: `owns ${listNames(issue, 'more paths')} in CODEOWNERS` });
    if (mr.length > 0) {
      const by = mr.length === 1 ? 'a related MR' : 'related MRs';
      reasons.push({ kind: 'codeowners', text: `owns ${listNames(mr, 'more paths')} (changed by ${by})` });
    }
    scores.set(user, { points: diminishing(seen.size, CODEOWNER_POINTS), reasons });
  }
  return scores;
}
