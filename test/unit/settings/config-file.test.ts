import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type StoredSettings } from '../../../utils/settings';
import { CONFIG_SCHEMA_NAME, configJsonSchema, exportConfig, parseConfig } from '../../../utils/settings/config-file';

const { token: _token, ...defaults } = DEFAULT_SETTINGS;
const team: StoredSettings = {
  ...defaults,
  gitlabUrl: 'https://gitlab.example.com',
  team: { group: 'lens-demo', projects: ['lens-demo/web-app'], engineers: ['ava.chen'] },
  kpi: { ...defaults.kpi, windowDays: 60, targets: { ...defaults.kpi.targets, onTimePercent: 85 } },
  survey: { project: 'lens-demo/handbook' },
};

describe('the configuration file', () => {
  it('round-trips every setting, and carries no token', () => {
    const text = exportConfig(team);
    expect(text).not.toContain('token');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ $schema: `./${CONFIG_SCHEMA_NAME}`, format: 'engineering-lens-config', version: 1 });
    expect(parseConfig(text)).toEqual({ ok: true, settings: team });
  });

  it('a bad file names every wrong field, with its path', () => {
    const file = JSON.parse(exportConfig(team)) as { settings: Record<string, Record<string, unknown>> };
    file.settings.kpi!.windowDays = 3;
    file.settings.team!.projects = ['lens-demo/web-app', ''];
    file.settings.survey!.project = 'not a path';
    const result = parseConfig(JSON.stringify(file));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((problem) => problem.path).sort();
    expect(paths).toEqual(['settings.kpi.windowDays', 'settings.survey.project', 'settings.team.projects.1']);
    expect(result.ok ? '' : result.problems.find((problem) => problem.path === 'settings.survey.project')!.message).toBe('A project path such as group/project, or its id.');
  });

  it('refuses unknown keys (a typo would otherwise drop the setting quietly) and a token', () => {
    const file = JSON.parse(exportConfig(team)) as { settings: Record<string, unknown> };
    file.settings.tean = { group: 'x' };
    (file.settings.team as Record<string, unknown>).grup = 'x';
    file.settings.token = 'glpat-secret';
    const result = parseConfig(JSON.stringify(file));
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'settings.team.grup', message: 'Unknown setting "grup".' },
      { path: 'settings.tean', message: 'Unknown setting "tean".' },
      { path: 'settings.token', message: 'A configuration file never holds the token: remove it (and revoke that token if the file was shared).' },
    ]);
  });

  it('says what is wrong with a file that is not one', () => {
    expect(parseConfig('{ "format": ')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^Not a JSON file: /) }] });
    expect(parseConfig('[1, 2]')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(parseConfig(JSON.stringify({ format: 'something-else', version: 1, settings: {} }))).toMatchObject({
      ok: false,
      problems: [{ path: 'format', message: 'Not an Engineering Lens configuration: "format" must be "engineering-lens-config".' }],
    });
    expect(parseConfig(JSON.stringify({ format: 'engineering-lens-config', version: 2, settings: {} }))).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'Made by a newer Engineering Lens (format version 2); update the extension to read it.' }],
    });
  });

  it('a shared file may leave the GitLab URL out; the reader keeps its own', () => {
    const { gitlabUrl: _url, ...rest } = team;
    expect(parseConfig(JSON.stringify({ format: 'engineering-lens-config', version: 1, settings: rest }))).toEqual({ ok: true, settings: rest });
  });

  it('a file with only some sections gets the defaults for the rest', () => {
    const result = parseConfig(JSON.stringify({ format: 'engineering-lens-config', version: 1, settings: { gitlabUrl: 'https://gitlab.com', team: { group: 'acme' } } }));
    expect(result).toEqual({ ok: true, settings: { ...defaults, team: { group: 'acme', projects: [], engineers: [] } } });
  });
});

describe("the README's example file", () => {
  it('is a valid configuration', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8');
    const example = /An example:\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const result = parseConfig(example!);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.settings.okr.objectives[0]!.keyResults.map((kr) => kr.kind)).toEqual(['kpi', 'epic', 'label', 'manual']);
  });
});

describe('the published JSON Schema', () => {
  it('is the one the settings make (run `npm run schema` after changing them)', () => {
    const published = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../schema', CONFIG_SCHEMA_NAME), 'utf8')) as unknown;
    expect(published).toEqual(configJsonSchema());
  });

  it('refuses unknown keys as the import does, and requires the format', () => {
    const schema = configJsonSchema() as { required: string[]; properties: { settings: { additionalProperties: unknown; properties: { team: { additionalProperties: unknown } } } } };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'settings']));
    expect(schema.properties.settings.additionalProperties).toBe(false);
    expect(schema.properties.settings.properties.team.additionalProperties).toBe(false);
  });
});
