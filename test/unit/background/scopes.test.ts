/** Protects when the Project/Team switch is left out: the team is exactly the page's scope. */
import { describe, expect, it } from 'vitest';
import { teamIsOnly } from '../../../utils/background/scopes';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';

const withTeam = (group: string, projects: string[]): Settings => ({ ...DEFAULT_SETTINGS, team: { ...DEFAULT_SETTINGS.team, group, projects } });

describe('teamIsOnly', () => {
  it('is true only when the team is this one project or this one group', () => {
    expect(teamIsOnly(withTeam('', ['g/web']), { projectPath: 'g/web' })).toBe(true);
    expect(teamIsOnly(withTeam('', ['g/web', 'g/api']), { projectPath: 'g/web' })).toBe(false);
    expect(teamIsOnly(withTeam('g', []), { projectPath: 'g/web' })).toBe(false);
    expect(teamIsOnly(withTeam('g', []), { groupPath: 'g' })).toBe(true);
    expect(teamIsOnly(withTeam('g', ['g/web']), { groupPath: 'g' })).toBe(false);
    expect(teamIsOnly(withTeam('', []), { projectPath: 'g/web' })).toBe(false);
  });
});
