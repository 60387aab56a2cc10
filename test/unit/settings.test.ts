import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  kpiSettingsFrom,
  parseSettings,
  settingsFromStorage,
  tokenProblem,
  toPublicSettings,
} from '../../utils/settings';

describe('settings', () => {
  it('fills defaults and normalizes', () => {
    const parsed = parseSettings({ gitlabUrl: 'gitlab.example.com/', token: ' glpat-x ' });
    expect(parsed).toEqual({
      ok: true,
      settings: {
        gitlabUrl: 'https://gitlab.example.com',
        token: 'glpat-x',
        team: { group: '', projects: [], engineers: [] },
        kpi: {
          windowDays: 90,
          timeZone: 'UTC',
          dueSoonDays: 3,
          incidentTypeIsFailure: true,
          failureLabelSets: [['incident'], ['type::bug', 'severity::1'], ['type::bug', 'severity::2']],
          outageLabels: ['incident'],
          targets: { onTimePercent: 80, completePercent: 80, mttrHours: 24, mtbfDays: 30, mrRate: 8, techContribution: 2 },
        },
        sync: { staleAfterMinutes: 60 },
        // GitLab's cross-functional prioritization labels plus the legacy label; 60/40 by default.
        allocation: {
          categories: [
            { id: 'feature', name: 'Feature', kind: 'product' },
            { id: 'maintenance', name: 'Maintenance', kind: 'engineering' },
            { id: 'bug', name: 'Bug', kind: 'engineering' },
            { id: 'engineering-allocation', name: 'Engineering allocation', kind: 'engineering' },
          ],
          rules: [
            { match: 'label', value: 'type::feature', categoryId: 'feature' },
            { match: 'label', value: 'type::maintenance', categoryId: 'maintenance' },
            { match: 'label', value: 'type::bug', categoryId: 'bug' },
            { match: 'label', value: 'Engineering Allocation', categoryId: 'engineering-allocation' },
          ],
          measure: 'auto',
          budget: { kind: 'engineering-share', percent: 40 },
        },
        // The service registry ships empty (SEED_SERVICES is a one-click start on the options page).
        dri: {
          services: [],
          capacity: { defaultWeight: 10, unit: 'milestone', people: [] },
          simpleLabels: ['good first issue'],
          simpleMaxWeight: 1,
          onboardingDays: 30,
          historyDays: 180,
        },
        // Suggestions go to the project they are made from unless a survey project is set.
        survey: { project: '' },
        // No shared configuration file: every section is this browser's own.
        shared: { project: '', ref: '', path: '.gitlab/engineering-lens.json', local: [] },
        // Calendar quarters; at risk below 90 % of the expected progress, off track below 70 %.
        okr: { quarterStartMonth: 1, thresholds: { atRiskBelow: 0.9, offTrackBelow: 0.7 }, objectives: [] },
      },
    });
  });

  it('refuses allocation rules that point at no category or name no label, per field', () => {
    const parsed = parseSettings({
      gitlabUrl: 'https://gitlab.com',
      token: '',
      allocation: {
        categories: [{ id: 'feature', name: 'Feature', kind: 'product' }, { id: 'x', name: 'uncategorized', kind: 'engineering' }],
        rules: [
          { match: 'label', value: ' ', categoryId: 'feature' },
          { match: 'prefix', value: 'security::', categoryId: 'gone' },
        ],
        budget: { kind: 'per-category', percents: { feature: 50, x: 30 } },
      },
    });
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        'allocation.rules.0.value': 'Enter a label.',
        'allocation.categories.1.name': '"Uncategorized" is kept for issues no rule matches.',
        'allocation.rules.1.categoryId': 'This category does not exist any more: choose another.',
        'allocation.budget.percents': 'Category budgets add up to 80 %, not 100 %.',
      },
    });
  });

  it('gives the KPI engine its units: ratios and milliseconds', () => {
    const parsed = parseSettings({
      gitlabUrl: 'https://gitlab.com',
      token: '',
      team: { engineers: ['ada'] },
      kpi: { windowDays: 30, timeZone: 'Europe/Berlin', targets: { onTimePercent: 75, mttrHours: 4, mtbfDays: 10 } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const kpi = kpiSettingsFrom(parsed.settings);
    expect(kpi.windowDays).toBe(30);
    expect(kpi.timeZone).toBe('Europe/Berlin');
    expect(kpi.engineerUsernames).toEqual(['ada']);
    expect(kpi.targets['on-time']).toEqual({ target: 0.75, direction: 'higher-is-better' });
    expect(kpi.targets.mttr).toEqual({ target: 4 * 3_600_000, direction: 'lower-is-better' });
    expect(kpi.targets.mtbf.target).toBe(10 * 86_400_000);
  });

  it('hands outage labels to the KPI engine, and loads settings saved before they existed', () => {
    const parsed = parseSettings({ gitlabUrl: 'https://gitlab.com', token: '', kpi: { outageLabels: [' outage ', 'SEV-0'] } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    expect(kpiSettingsFrom(parsed.settings).failureRules.outageLabels).toEqual(['outage', 'SEV-0']);

    const { incidentTypeIsFailure, failureLabelSets, windowDays, timeZone, dueSoonDays, targets } = DEFAULT_SETTINGS.kpi;
    const savedEarlier = { gitlabUrl: 'https://gitlab.com', team: DEFAULT_SETTINGS.team, sync: DEFAULT_SETTINGS.sync };
    const kpi = { windowDays, timeZone, dueSoonDays, incidentTypeIsFailure, failureLabelSets, targets: { ...targets, mtbfDays: 14 } };
    const { settings, problems } = settingsFromStorage({ ...savedEarlier, kpi, token: '' });
    expect(problems).toEqual({});
    expect(settings.kpi.outageLabels).toEqual(['incident']);
    expect(settings.kpi.targets.mtbfDays).toBe(14);
    expect(kpiSettingsFrom(settings).failureRules).toEqual({ incidentTypeIsFailure: true, labelSets: failureLabelSets, outageLabels: ['incident'] });
  });

  it('rejects outage labels that are not a list of names', () => {
    const withOutageLabels = (outageLabels: unknown) => parseSettings({ gitlabUrl: 'https://gitlab.com', token: '', kpi: { outageLabels } });
    expect(withOutageLabels('incident')).toEqual({ ok: false, fieldErrors: { 'kpi.outageLabels': 'Enter a list of labels.' } });
    expect(withOutageLabels(['incident', ' '])).toEqual({ ok: false, fieldErrors: { 'kpi.outageLabels.1': 'A label cannot be blank.' } });
    expect(withOutageLabels([7])).toEqual({ ok: false, fieldErrors: { 'kpi.outageLabels.0': 'Enter label names.' } });
    expect(withOutageLabels([])).toMatchObject({ ok: true, settings: { kpi: { outageLabels: [] } } });
  });

  it('rejects a time zone that does not exist', () => {
    const parsed = parseSettings({ gitlabUrl: 'https://gitlab.com', token: '', kpi: { timeZone: 'Mars/Olympus' } });
    expect(parsed).toEqual({ ok: false, fieldErrors: { 'kpi.timeZone': expect.stringContaining('time zone') } });
  });

  it('reports every invalid field by path', () => {
    const parsed = parseSettings({
      gitlabUrl: 'ftp://x',
      token: 'has space',
      team: { group: '', projects: ['ok', ''], engineers: [] },
      sync: { staleAfterMinutes: 0 },
    });
    expect(parsed.ok).toBe(false);
    const errors = !parsed.ok ? parsed.fieldErrors : {};
    expect(Object.keys(errors).sort()).toEqual(['gitlabUrl', 'sync.staleAfterMinutes', 'team.projects.1', 'token']);
  });

  it('checks the GitLab URL with the same rules: no http:// to a public host, a pasted page becomes the root', () => {
    expect(parseSettings({ gitlabUrl: 'http://gitlab.example.com', token: '' })).toEqual({
      ok: false,
      fieldErrors: {
        gitlabUrl:
          'Use https:// for gitlab.example.com: over http:// the token would travel unencrypted. http:// is allowed only for a GitLab on this computer or your local network.',
      },
    });
    const pasted = parseSettings({ gitlabUrl: 'https://gitlab.example.com/group/project/-/issues/3', token: '' });
    expect(pasted.ok && pasted.settings.gitlabUrl).toBe('https://gitlab.example.com');
  });

  it('falls back to defaults when storage holds garbage, and says what was wrong', () => {
    const { settings, problems } = settingsFromStorage({ gitlabUrl: 42 });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(problems)).toContain('gitlabUrl');
    expect(settingsFromStorage(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: {} });
  });

  it('keeps the rest of the saved settings when one part no longer validates', () => {
    // Saved by a version that still allowed http:// to any host.
    const stored = { gitlabUrl: 'http://gitlab.example.com', token: '', team: { group: 'lens-demo', projects: ['lens-demo/web-app'], engineers: [] }, kpi: { windowDays: 30 } };
    const { settings, problems } = settingsFromStorage(stored);
    expect(settings.gitlabUrl).toBe(DEFAULT_SETTINGS.gitlabUrl);
    expect(settings.team.group).toBe('lens-demo');
    expect(settings.kpi.windowDays).toBe(30);
    expect(problems.gitlabUrl).toContain('https://');
  });

  it('never exposes the token to the UI', () => {
    const pub = toPublicSettings({ ...DEFAULT_SETTINGS, token: 'glpat-secret' });
    expect(JSON.stringify(pub)).not.toContain('glpat-secret');
    expect(pub.hasToken).toBe(true);
  });
});

describe('token', () => {
  const INVISIBLE = (code: string) =>
    `The token contains an invisible character (${code}) — it was probably copied along with the token. Paste the token again or type it.`;
  const NOT_IN_TOKENS = (what: string) => `The token contains ${what}, which no GitLab token has. Paste the token again or type it.`;
  const tokenError = (token: string) => {
    const parsed = parseSettings({ gitlabUrl: 'https://gitlab.com', token });
    return parsed.ok ? null : parsed.fieldErrors.token;
  };

  it.each([
    ['zero-width space', 'glpat-abc\u200Bdef', 'U+200B'],
    ['zero-width space at the end (trim keeps it)', 'glpat-abcdef\u200B', 'U+200B'],
    ['zero-width non-joiner', 'glpat-abc\u200Cdef', 'U+200C'],
    ['zero-width joiner', 'glpat-abc\u200Ddef', 'U+200D'],
    ['byte order mark inside', 'glpat-abc\uFEFFdef', 'U+FEFF'],
    ['soft hyphen', 'glpat-abc\u00ADdef', 'U+00AD'],
    ['word joiner', 'glpat-abc\u2060def', 'U+2060'],
    ['left-to-right mark (format)', 'glpat-abc\u200Edef', 'U+200E'],
    ['Mongolian vowel separator (format)', 'glpat-abc\u180Edef', 'U+180E'],
    ['interlinear annotation anchor (format, not default-ignorable)', 'glpat-abc\uFFF9def', 'U+FFF9'],
    ['variation selector (default-ignorable)', 'glpat-abc\uFE0Fdef', 'U+FE0F'],
    ['non-breaking space', 'glpat-abc\u00A0def', 'U+00A0'],
    ['ideographic space', 'glpat-abc\u3000def', 'U+3000'],
    ['line separator', 'glpat-abc\u2028def', 'U+2028'],
    ['invisible character before a space', 'glpat-a\u200Bb c', 'U+200B'],
  ])('rejects a %s, naming it', (_name, token, code) => {
    expect(tokenProblem(token)).toBe(INVISIBLE(code));
    expect(tokenError(token)).toBe(INVISIBLE(code));
  });

  it('spells out the invisible-character message', () => {
    expect(tokenError('glpat-abc\u200Bdef')).toBe(
      'The token contains an invisible character (U+200B) — it was probably copied along with the token. Paste the token again or type it.',
    );
  });

  it.each([
    ['letter with an accent', 'glpat-ab\u00E9', '"\u00E9" (U+00E9)'],
    ['en dash', 'glpat\u2013abc', '"\u2013" (U+2013)'],
    ['Cyrillic a that looks like a', 'glp\u0430t-abc', '"\u0430" (U+0430)'],
    ['emoji, as one character', 'glpat-\u{1F600}', '"\u{1F600}" (U+1F600)'],
    ['control character', 'glpat-a\u0007b', 'a non-printable character (U+0007)'],
    ['delete', 'glpat-a\u007Fb', 'a non-printable character (U+007F)'],
    ['C1 control', 'glpat-a\u0085b', 'a non-printable character (U+0085)'],
    ['lone surrogate', 'glpat-a\uD800b', 'a non-printable character (U+D800)'],
  ])('rejects a %s, naming it', (_name, token, what) => {
    expect(tokenProblem(token)).toBe(NOT_IN_TOKENS(what));
    expect(tokenError(token)).toBe(NOT_IN_TOKENS(what));
  });

  it('spells out the message for a visible character', () => {
    expect(tokenError('glpat-ab\u00E9')).toBe('The token contains "\u00E9" (U+00E9), which no GitLab token has. Paste the token again or type it.');
  });

  it('keeps the rules for spaces and length', () => {
    expect(tokenError('has space')).toBe('A token has no spaces in it.');
    expect(tokenError('glpat-a\tb')).toBe('A token has no spaces in it.');
    expect(tokenError('x'.repeat(513))).toBe('That is longer than any GitLab token.');
    expect(tokenProblem('x'.repeat(513))).toBe('That is longer than any GitLab token.');
    expect(tokenError('x'.repeat(512))).toBeNull();
  });

  it('accepts printable ASCII tokens and an empty one, trimmed as the field trims them', () => {
    expect(tokenProblem('glpat-AbC_12.01.xyz~9')).toBeNull();
    expect(tokenProblem('')).toBeNull();
    expect(tokenProblem('\uFEFF glpat-abc\u00A0\n')).toBeNull();
    const parsed = parseSettings({ gitlabUrl: 'https://gitlab.com', token: '\uFEFF glpat-abc\u00A0\n' });
    expect(parsed.ok && parsed.settings.token).toBe('glpat-abc');
  });
});
