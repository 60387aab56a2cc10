/**
 * The team's configuration as a file (SPEC §5, §7): every setting but the token, in a versioned
 * JSON format with a published JSON Schema (schema/engineering-lens-config.schema.json, made by
 * `npm run schema`). Export writes it; import reads one and either yields settings or names
 * every field that is wrong, changing nothing. The same format is read from a file in a GitLab
 * repository when the team shares its configuration.
 */
import { z } from 'zod';
import { gitlabUrlField } from './connection';
import { DEFAULT_SETTINGS, storedSettingsSchema, type StoredSettings } from './index';

export const CONFIG_FORMAT = 'engineering-lens-config';
export const CONFIG_VERSION = 1;
/** Where the schema is published in this repository; editors use it for completion and checks. */
export const CONFIG_SCHEMA_NAME = 'engineering-lens-config.schema.json';

export const configFileSchema = z.object({
  $schema: z.string().optional(),
  format: z.literal(CONFIG_FORMAT, { error: `Not an Engineering Lens configuration: "format" must be "${CONFIG_FORMAT}".` }),
  version: z.literal(CONFIG_VERSION, { error: `Unknown format version: this Engineering Lens reads version ${CONFIG_VERSION}.` }),
  /** The GitLab URL may be left out (a team's shared file): the reader's own is kept. */
  settings: storedSettingsSchema.extend({ gitlabUrl: gitlabUrlField.optional() }),
});

/** Settings as a file holds them: all but the token, the GitLab URL optional. */
export type ConfigSettings = z.output<typeof configFileSchema>['settings'];

export interface ConfigProblem {
  /** Where in the file: `settings.team.projects.0`, or `` for the file as a whole. */
  path: string;
  message: string;
}

export type ConfigParse = { ok: true; settings: ConfigSettings } | { ok: false; problems: ConfigProblem[] };

/** The file's text: settings in a stable order, so a file kept in a repository diffs cleanly. */
export function exportConfig(settings: StoredSettings): string {
  const file = { $schema: `./${CONFIG_SCHEMA_NAME}`, format: CONFIG_FORMAT, version: CONFIG_VERSION, settings: storedSettingsSchema.parse(settings) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a configuration file; every problem is named with its path, none is fixed silently. */
export function parseConfig(text: string): ConfigParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `Not a JSON file: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '', message: 'Not an Engineering Lens configuration: the file must hold a JSON object.' }] };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > CONFIG_VERSION) {
    return { ok: false, problems: [{ path: 'version', message: `Made by a newer Engineering Lens (format version ${version}); update the extension to read it.` }] };
  }
  const problems: ConfigProblem[] = [];
  const parsed = configFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ path: issue.path.map(String).join('.'), message: issue.message });
  }
  const settings = (data as { settings?: unknown }).settings;
  if (settings && typeof settings === 'object') unknownKeys(settings, DEFAULT_SETTINGS, 'settings', problems);
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, settings: parsed.data.settings };
}

/**
 * Keys the settings do not have (a typo such as `tean` would otherwise be dropped quietly and
 * the team left empty). Compared with the defaults' shape; objects whose default is empty are
 * maps keyed by the user (budgets by category) and are not checked. `token` is refused: a file
 * meant to be shared must never carry one.
 */
function unknownKeys(value: object, shape: unknown, path: string, problems: ConfigProblem[]): void {
  if (!shape || typeof shape !== 'object' || Array.isArray(value) || Array.isArray(shape)) return;
  const known = shape as Record<string, unknown>;
  if (!Object.keys(known).length) return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (path === 'settings' && key === 'token') {
      problems.push({ path: at, message: 'A configuration file never holds the token: remove it (and revoke that token if the file was shared).' });
    } else if (!(key in known)) {
      problems.push({ path: at, message: `Unknown setting "${key}".` });
    } else if (child && typeof child === 'object') {
      unknownKeys(child, known[key], at, problems);
    }
  }
}

/**
 * The published JSON Schema: the file's shape as the import reads it, unknown keys refused as
 * the import refuses them (maps keyed by the user excepted).
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const closeObjects = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(closeObjects);
    const record = node as Record<string, unknown>;
    if (record.type === 'object' && record.properties && record.additionalProperties === undefined) record.additionalProperties = false;
    Object.values(record).forEach(closeObjects);
  };
  closeObjects(schema);
  return {
    ...schema,
    title: 'Engineering Lens configuration',
    description: `Every Engineering Lens setting but the token (format ${CONFIG_FORMAT}, version ${CONFIG_VERSION}). Export it from the options page, keep it in a repository as .gitlab/engineering-lens.json to share it with the team.`,
  };
}
