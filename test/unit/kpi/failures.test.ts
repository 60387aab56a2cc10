import { describe, expect, it } from 'vitest';
import { compileFailureMatcher, compileIncidentMatcher, compileOutageMatcher } from '@/utils/kpi/failures';
import { issue } from './fixtures';

describe('compileFailureMatcher (defaults)', () => {
  const whyFailure = compileFailureMatcher();

  it('recognises incidents by type, whichever field GitLab sends', () => {
    expect(whyFailure(issue(1, { issue_type: 'incident' }))).toBe('issue type incident');
    expect(whyFailure(issue(2, { type: 'INCIDENT' }))).toBe('issue type incident');
    expect(whyFailure(issue(3, { issue_type: 'issue', type: 'ISSUE' }))).toBeNull();
  });

  it('matches label sets only when every label of a set is present', () => {
    expect(whyFailure(issue(1, { labels: ['incident'] }))).toBe('label incident');
    expect(whyFailure(issue(2, { labels: ['Incident'] }))).toBe('label incident');
    expect(whyFailure(issue(3, { labels: ['severity::1', 'type::bug'] }))).toBe('labels type::bug + severity::1');
    expect(whyFailure(issue(4, { labels: ['type::bug', 'severity::2'] }))).toBe('labels type::bug + severity::2');
    expect(whyFailure(issue(5, { labels: ['type::bug'] }))).toBeNull();
    expect(whyFailure(issue(6, { labels: ['severity::1'] }))).toBeNull();
    expect(whyFailure(issue(7, { labels: ['type::bug', 'severity::3'] }))).toBeNull();
  });
});

describe('compileOutageMatcher', () => {
  it('calls incidents (by type or outage label, any case) outages, severity bugs not', () => {
    const isOutage = compileOutageMatcher();
    expect(isOutage(issue(1, { issue_type: 'incident' }))).toBe(true);
    expect(isOutage(issue(2, { type: 'INCIDENT' }))).toBe(true);
    expect(isOutage(issue(3, { labels: ['Incident'] }))).toBe(true);
    expect(isOutage(issue(4, { labels: ['type::bug', 'severity::1'] }))).toBe(false);
  });

  it('follows configured outage labels', () => {
    const isOutage = compileOutageMatcher({ incidentTypeIsFailure: true, labelSets: [['incident']], outageLabels: ['Outage'] });
    expect(isOutage(issue(1, { labels: ['outage'] }))).toBe(true);
    expect(isOutage(issue(2, { labels: ['incident'] }))).toBe(false);
    expect(isOutage(issue(3, { issue_type: 'incident' }))).toBe(true);
  });
});

describe('compileIncidentMatcher', () => {
  it('is a failure that is an outage, as MTBF counts them: an outage label no failure rule matches is no incident', () => {
    const rules = { incidentTypeIsFailure: false, labelSets: [['incident']], outageLabels: ['incident', 'outage'] };
    const isIncident = compileIncidentMatcher(rules);
    expect(isIncident(issue(1, { labels: ['incident'] }))).toBe(true);
    // An outage label, but not a failure under these rules.
    expect(isIncident(issue(2, { labels: ['outage'] }))).toBe(false);
    // The incident type is not a failure here either.
    expect(isIncident(issue(3, { issue_type: 'incident' }))).toBe(false);
    // A failure that is no outage (a severity bug under the defaults).
    expect(compileIncidentMatcher()(issue(4, { labels: ['type::bug', 'severity::1'] }))).toBe(false);
    expect(compileIncidentMatcher()(issue(5, { issue_type: 'incident' }))).toBe(true);
  });
});

describe('compileFailureMatcher (configured)', () => {
  it('follows custom label sets and can ignore the incident type', () => {
    const whyFailure = compileFailureMatcher({ incidentTypeIsFailure: false, labelSets: [['outage'], []], outageLabels: ['outage'] });
    expect(whyFailure(issue(1, { issue_type: 'incident' }))).toBeNull();
    expect(whyFailure(issue(2, { labels: ['incident'] }))).toBeNull();
    expect(whyFailure(issue(3, { labels: ['outage'] }))).toBe('label outage');
    // An empty set would match everything; it is ignored.
    expect(whyFailure(issue(4, { labels: ['docs'] }))).toBeNull();
  });
});
