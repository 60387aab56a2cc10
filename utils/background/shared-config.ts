/**
 * The team's shared configuration file in GitLab (SPEC §5, §7): read from the configured
 * project, ref and path when the location is saved, on request, with the daily sync, and when the
 * last reading is a day old. The reading is kept in storage.local so every worker start uses it
 * without asking GitLab; a file that is missing or invalid is reported and not used.
 */
import type { GitLabClient } from '../gitlab/client';
import { isGitLabError } from '../gitlab/errors';
import type { Settings } from '../settings';
import { parseConfig } from '../settings/config-file';
import { effectiveSettings, sharedSectionsInForce, sharedStateFor, type SharedConfigState } from '../settings/effective';
import type { SharedSection } from '../settings/shared';

const READ_EVERY_MS = 24 * 60 * 60_000;

export interface SharedConfigInfo {
  source: SharedConfigState['source'];
  readRef: string;
  readAt: string;
  /** Sections the file sets now. */
  inForce: SharedSection[];
  /** Sections this browser keeps as its own. */
  local: SharedSection[];
  problems?: Array<{ path: string; message: string }>;
  error?: string;
}

export interface SharedConfigDeps {
  /**
   * A client of the local settings' GitLab, made for the reading: the data service's own client
   * is made from the settings in force, which wait for this reading.
   */
  client: (local: Settings) => GitLabClient;
  load: () => Promise<SharedConfigState | null>;
  save: (state: SharedConfigState | null) => Promise<void>;
  now: () => number;
  /** Told when a reading changed the settings in force (open tabs ask again). */
  changed?: () => void;
}

export function createSharedConfig(deps: SharedConfigDeps) {
  let reading: Promise<SharedConfigState | null> | null = null;
  /** The stored reading, read once per worker: every request asks for the settings in force. */
  let stored: Promise<SharedConfigState | null> | null = null;
  const load = () => (stored ??= deps.load().catch(() => ((stored = null), null)));
  const save = async (state: SharedConfigState | null) => {
    stored = Promise.resolve(state);
    await deps.save(state);
  };

  async function read(settings: Settings): Promise<SharedConfigState | null> {
    const { project, ref, path } = settings.shared;
    if (!project) {
      await save(null);
      return null;
    }
    const base = { source: { project, ref, path }, readRef: ref, readAt: new Date(deps.now()).toISOString() };
    const projectRef = /^\d+$/.test(project) ? Number(project) : project;
    let state: SharedConfigState;
    try {
      const client = deps.client(settings);
      const readRef = ref || (await client.getProject(projectRef)).default_branch || 'HEAD';
      const text = await client.getRawFile(projectRef, path, readRef);
      if (text === null) state = { ...base, readRef, error: `There is no ${path} on ${readRef} in ${project}.` };
      else {
        const parsed = parseConfig(text);
        state = parsed.ok ? { ...base, readRef, settings: parsed.settings } : { ...base, readRef, problems: parsed.problems };
      }
    } catch (error) {
      const message = isGitLabError(error) || error instanceof Error ? error.message : String(error);
      state = { ...base, error: `Could not read the shared configuration: ${message}` };
    }
    const before = await load();
    await save(state);
    if (JSON.stringify(before?.settings ?? null) !== JSON.stringify(state.settings ?? null)) deps.changed?.();
    return state;
  }

  /** Reads the file now (one reading at a time). */
  function refresh(settings: Settings): Promise<SharedConfigState | null> {
    reading ??= read(settings).finally(() => (reading = null));
    return reading;
  }

  return {
    refresh,
    /** The settings in force; a reading a day old is renewed behind the answer. */
    async effective(local: Settings): Promise<Settings> {
      if (!local.shared.project) return local;
      const state = sharedStateFor(local, await load());
      if (!state || deps.now() - Date.parse(state.readAt) > READ_EVERY_MS) {
        const fresh = refresh(local).catch(() => null);
        // Never read yet (a new location): worth the wait, once.
        if (!state) return effectiveSettings(local, await fresh);
      }
      return effectiveSettings(local, state);
    },
    /** What the options page shows: where the settings in force came from. */
    async info(local: Settings): Promise<SharedConfigInfo | null> {
      const state = sharedStateFor(local, await load());
      if (!state) return null;
      return {
        source: state.source,
        readRef: state.readRef,
        readAt: state.readAt,
        inForce: sharedSectionsInForce(local, state),
        local: [...local.shared.local],
        ...(state.problems ? { problems: state.problems } : {}),
        ...(state.error ? { error: state.error } : {}),
      };
    },
  };
}

export type SharedConfig = ReturnType<typeof createSharedConfig>;
