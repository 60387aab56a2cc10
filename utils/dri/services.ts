/**
 * Service registry evidence (SPEC §4.1): a service matches an issue through one of its labels
 * (compared case-insensitively) or one of its words found as a whole word, in any case, in the
 * title or description. Each DRI of a matching service gets SERVICE_POINTS, with diminishing
 * returns when one person is DRI for several matching services, and the reason "DRI for Redis".
 */
import type { DriService } from '../settings/dri';
import { diminishing, SERVICE_POINTS } from './points';
import { userKey, type DriIssue, type ScoresByUser } from './types';

/**
 * The options page's one-click starting point: common shared services with their usual label
 * and words. DRIs are left empty for the user to fill in (the settings refuse a service without
 * one), so copy before editing: the constant is frozen.
 */
export const SEED_SERVICES: readonly Readonly<DriService>[] = deepFreeze([
  { name: 'PostgreSQL', dris: [], labels: ['Service::PostgreSQL'], words: ['postgres', 'postgresql', 'psql'] },
  { name: 'Redis', dris: [], labels: ['Service::Redis'], words: ['redis'] },
  { name: 'Prometheus', dris: [], labels: ['Service::Prometheus'], words: ['prometheus', 'promql'] },
]);

function deepFreeze<T extends object[]>(services: T): T {
  for (const service of services) {
    for (const value of Object.values(service)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(service);
  }
  return Object.freeze(services);
}

export interface ServiceMatch {
  service: DriService;
  /** The issue's labels that matched, as the issue spells them. */
  labels: string[];
  /** The service's words found in the title or description. */
  words: string[];
}

/** A whole-word, any-case matcher: letters, digits and `_` around it break the match, `-`, `.` and spaces do not. */
export function wordMatcher(word: string): RegExp {
  const escaped = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The services the issue names, in settings order, with what matched. */
export function matchServices(issue: Pick<DriIssue, 'labels' | 'title' | 'description'>, services: readonly DriService[]): ServiceMatch[] {
  const text = `${issue.title}\n${issue.description}`;
  const matches: ServiceMatch[] = [];
  for (const service of services) {
    const wanted = new Set(service.labels.map((label) => label.trim().toLowerCase()));
    const labels = issue.labels.filter((label) => wanted.has(label.trim().toLowerCase()));
    const words = service.words.filter((word) => word.trim() !== '' && wordMatcher(word).test(text));
    if (labels.length > 0 || words.length > 0) matches.push({ service, labels, words });
  }
  return matches;
}

/** SERVICE_POINTS per matching service for each of its DRIs, diminishing over several services. */
export function scoreServices(issue: Pick<DriIssue, 'labels' | 'title' | 'description'>, services: readonly DriService[]): ScoresByUser {
  const perUser = new Map<string, string[]>();
  for (const { service } of matchServices(issue, services)) {
    for (const dri of new Set(service.dris.map(userKey))) {
      if (dri === '') continue;
      const names = perUser.get(dri) ?? [];
      names.push(service.name);
      perUser.set(dri, names);
    }
  }
  const scores: ScoresByUser = new Map();
  for (const [user, names] of perUser) {
    scores.set(user, {
      points: diminishing(names.length, SERVICE_POINTS),
      reasons: names.map((name) => ({ kind: 'service', text: `DRI for ${name}` })),
    });
  }
  return scores;
}
