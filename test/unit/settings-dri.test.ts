import { describe, expect, it } from 'vitest';
import { parseSettings, settingsFromStorage } from '../../utils/settings';
import { driSection, isGitLabUsername } from '../../utils/settings/dri';

const withDri = (dri: unknown) => parseSettings({ gitlabUrl: 'https://gitlab.com', token: '', dri });

describe('settings: dri', () => {
  it('normalises services: @ stripped, trimmed, duplicates dropped in any case', () => {
    const parsed = withDri({
      services: [{ name: ' Redis ', dris: ['@ada', ' bo ', 'ADA'], labels: ['Service::Redis', 'service::redis'], words: ['redis', ' Redis '] }],
      capacity: { defaultWeight: 8, unit: 'week', people: [{ username: '@cy', weight: 3 }] },
      simpleLabels: ['good first issue', 'Quick win'],
      simpleMaxWeight: 2,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    expect(parsed.settings.dri).toEqual({
      services: [{ name: 'Redis', dris: ['ada', 'bo'], labels: ['Service::Redis'], words: ['redis'] }],
      capacity: { defaultWeight: 8, unit: 'week', people: [{ username: 'cy', weight: 3 }] },
      simpleLabels: ['good first issue', 'Quick win'],
      simpleMaxWeight: 2,
      onboardingDays: 30,
      historyDays: 180,
    });
  });

  it('takes a service with words only or labels only', () => {
    expect(driSection.safeParse({ services: [{ name: 'Redis', dris: ['ada'], words: ['redis'] }] }).success).toBe(true);
    expect(driSection.safeParse({ services: [{ name: 'Redis', dris: ['ada'], labels: ['Service::Redis'] }] }).success).toBe(true);
  });

  it('reports each invalid field by path', () => {
    expect(
      withDri({
        services: [
          { name: 'Redis', dris: ['ada'], labels: ['Service::Redis'] },
          { name: ' ', dris: [], labels: [], words: [] },
          { name: 'redis', dris: ['-ada', 'bo.'], words: ['redis', ' '] },
        ],
        capacity: { defaultWeight: 0, unit: 'sprint', people: [{ username: 'cy', weight: -1 }, { username: '@Cy', weight: 2 }, { username: '', weight: 1 }] },
        simpleLabels: [' '],
        simpleMaxWeight: 1.5,
        onboardingDays: 0,
        historyDays: 1000,
      }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        'dri.services.1.name': 'Enter a name.',
        'dri.services.2.dris.0': 'Not a GitLab username: letters, digits, "_", "-" and "." only, not starting with "-" or ending in ".".',
        'dri.services.2.dris.1': 'Not a GitLab username: letters, digits, "_", "-" and "." only, not starting with "-" or ending in ".".',
        'dri.services.2.words.1': 'A word cannot be blank.',
        'dri.capacity.defaultWeight': 'Must be more than 0.',
        'dri.capacity.unit': 'Choose milestone or week.',
        'dri.capacity.people.0.weight': 'Must be more than 0.',
        'dri.capacity.people.2.username': 'Enter a username.',
        'dri.simpleLabels.0': 'A label cannot be blank.',
        'dri.simpleMaxWeight': 'Enter a whole number.',
        'dri.onboardingDays': 'At least 1 day.',
        'dri.historyDays': 'At most 730 days.',
      },
    });
  });

  it('needs a DRI and a label or word per service, one name per service, one capacity per person', () => {
    expect(
      withDri({
        services: [
          { name: 'Redis', dris: ['ada'], labels: ['Service::Redis'] },
          { name: 'Gitaly', labels: ['Service::Gitaly'] },
          { name: 'REDIS', dris: ['bo'] },
        ],
        capacity: { people: [{ username: 'cy', weight: 4 }, { username: '@CY', weight: 2 }] },
      }),
    ).toEqual({
      ok: false,
      fieldErrors: {
        'dri.services.1.dris': 'Name at least one DRI.',
        'dri.services.2.name': 'Two services have this name.',
        'dri.services.2.labels': 'Add a label or a word that names this service.',
        'dri.capacity.people.1.username': 'This person already has a capacity.',
      },
    });
  });

  it('rejects lists that are not lists', () => {
    expect(withDri({ services: 'Redis' })).toEqual({ ok: false, fieldErrors: { 'dri.services': 'Enter a list of services.' } });
    expect(withDri({ services: [{ name: 'Redis', dris: 'ada', words: ['redis'] }] })).toEqual({ ok: false, fieldErrors: { 'dri.services.0.dris': 'Enter a list of usernames.' } });
  });

  it('knows GitLab usernames', () => {
    for (const ok of ['ada', 'a', '_x', 'ada.lovelace', 'ada-l', 'ada_', 'A1', '.ada']) expect(isGitLabUsername(ok), ok).toBe(true);
    for (const bad of ['', '-ada', 'ada.', 'ada.git', 'ada.atom', 'ada lovelace', 'ädä', 'ada@x', 'a'.repeat(256)]) expect(isGitLabUsername(bad), bad).toBe(false);
  });

  it('gives settings saved before the section existed its defaults, and falls back on a bad section only', () => {
    const earlier = { gitlabUrl: 'https://gitlab.com', token: '', team: { group: 'g', projects: [], engineers: [] } };
    const { settings, problems } = settingsFromStorage(earlier);
    expect(problems).toEqual({});
    expect(settings.dri.services).toEqual([]);
    expect(settings.dri.capacity).toEqual({ defaultWeight: 10, unit: 'milestone', people: [] });

    const broken = settingsFromStorage({ ...earlier, dri: { services: [{ name: 'Redis' }] } });
    expect(broken.problems).toEqual({ 'dri.services.0.dris': 'Name at least one DRI.', 'dri.services.0.labels': 'Add a label or a word that names this service.' });
    expect(broken.settings.dri.services).toEqual([]);
    expect(broken.settings.team.group).toBe('g');
  });
});
