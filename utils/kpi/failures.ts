import { DEFAULT_FAILURE_RULES, type FailureRules } from './settings';
import type { KpiIssue } from './types';

type FailureIssue = Pick<KpiIssue, 'labels' | 'issue_type' | 'type'>;

/**
 * Build a matcher once per KPI run. Returns why an issue is a failure ("issue type incident",
 * "labels type::bug + severity::1"), or null when it is not one.
 *
 * Labels compare case-insensitively: a group's projects often spell the same label
 * differently ("Incident", "incident"). `type` is upper case in REST ("INCIDENT"), `issue_type`
 * lower case ("incident"); both are accepted because either may be absent by GitLab version.
 *
 * Hot path (MTTR and MTBF run it over every issue): most issues carry no rule label, so each
 * label is lower-cased once per distinct string and the issue is dropped as soon as none of
 * its labels appears in any rule.
 */
export function compileFailureMatcher(rules: FailureRules = DEFAULT_FAILURE_RULES): (issue: FailureIssue) => string | null {
  const sets = rules.labelSets
    .filter((set) => set.length > 0)
    .map((set) => ({ lowered: set.map((l) => l.toLowerCase()), why: `label${set.length > 1 ? 's' : ''} ${set.join(' + ')}` }));
  const ruleLabels = new Set(sets.flatMap((set) => set.lowered));
  const loweredByLabel = new Map<string, string>();

  return (issue) => {
    if (rules.incidentTypeIsFailure && isIncidentType(issue)) return 'issue type incident';
    let present: string[] | null = null;
    for (const label of issue.labels) {
      let lowered = loweredByLabel.get(label);
      if (lowered === undefined) {
        lowered = label.toLowerCase();
        loweredByLabel.set(label, lowered);
      }
      if (ruleLabels.has(lowered)) (present ??= []).push(lowered);
    }
    if (present === null) return null;
    const found = present;
    return sets.find((set) => set.lowered.every((l) => found.includes(l)))?.why ?? null;
  };
}

function isIncidentType(issue: FailureIssue): boolean {
  return issue.issue_type?.toLowerCase() === 'incident' || issue.type?.toLowerCase() === 'incident';
}

/**
 * Build once per KPI run: whether a failure is an outage, i.e. adds downtime to MTBF. An outage
 * is an incident by issue type, or carries one of `rules.outageLabels` (case-insensitive, as the
 * failure labels). Ask it only about issues the failure matcher accepted: an outage is a kind of
 * failure, so an issue with an outage label that no failure rule matches is not counted at all.
 */
export function compileOutageMatcher(rules: FailureRules = DEFAULT_FAILURE_RULES): (issue: FailureIssue) => boolean {
  // Per-card badges ask for it once per card (a board has 1,000): compiled once per rules object.
  let matcher = outageMatchers.get(rules);
  if (!matcher) {
    const outageLabels = new Set(rules.outageLabels.map((label) => label.toLowerCase()));
    matcher = (issue) => isIncidentType(issue) || issue.labels.some((label) => outageLabels.has(label.toLowerCase()));
    outageMatchers.set(rules, matcher);
  }
  return matcher;
}

const outageMatchers = new WeakMap<FailureRules, (issue: FailureIssue) => boolean>();

/**
 * Whether an issue is an incident as MTBF counts them: a failure that is an outage. The ongoing
 * incident badge, the popup's open incidents and Since yesterday ask this one question, so an
 * outage label that no failure rule matches is an incident nowhere. Compiled once per rules object.
 */
export function compileIncidentMatcher(rules: FailureRules = DEFAULT_FAILURE_RULES): (issue: FailureIssue) => boolean {
  let matcher = incidentMatchers.get(rules);
  if (!matcher) {
    const isFailure = compileFailureMatcher(rules);
    const isOutage = compileOutageMatcher(rules);
    matcher = (issue) => isFailure(issue) !== null && isOutage(issue);
    incidentMatchers.set(rules, matcher);
  }
  return matcher;
}

const incidentMatchers = new WeakMap<FailureRules, (issue: FailureIssue) => boolean>();
