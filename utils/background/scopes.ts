/**
 * The configured team as scopes (SPEC §2: "the configured team: projects + members, or the
 * group"). Each path is resolved on its own: one path GitLab no longer knows is reported next to
 * its field and in the popup, and the rest of the team keeps working.
 */
import type { LensDb } from '../db/database';
import { MessageError } from '../messages';
import type { Settings } from '../settings';
import type { DataService, Lookup } from './data-service';
import type { ScopeTarget } from './scope-cache';

interface ScopeProblem {
  /** The settings field that names the path: `team.group` or `team.projects.2`. */
  field: string;
  path: string;
  message: string;
}

interface TeamResolution {
  targets: ScopeTarget[];
  problems: ScopeProblem[];
}

interface TeamPath {
  kind: 'project' | 'group';
  path: string;
  field: string;
}

/** Whether the settings name a team (a group or projects) for the Team view. */
export function hasTeam(settings: Settings): boolean {
  return Boolean(settings.team.group || settings.team.projects.length);
}

/** Whether the team is exactly this project or group: then there is nothing to switch to. */
export function teamIsOnly(settings: Settings, own: { projectPath?: string; groupPath?: string }): boolean {
  const { group, projects } = settings.team;
  if (own.groupPath) return group === own.groupPath && projects.length === 0;
  return !group && projects.length === 1 && projects[0] === own.projectPath;
}

export function teamPaths(settings: Settings): TeamPath[] {
  const paths: TeamPath[] = [];
  if (settings.team.group) paths.push({ kind: 'group', path: settings.team.group, field: 'team.group' });
  settings.team.projects.forEach((path, index) => paths.push({ kind: 'project', path, field: `team.projects.${index}` }));
  return paths;
}

export async function resolveTeam(
  settings: Settings,
  data: { lookup(kind: 'project' | 'group', path: string): Promise<Lookup> },
): Promise<TeamResolution> {
  const resolved = await Promise.all(
    teamPaths(settings).map(async ({ kind, path, field }): Promise<ScopeTarget | ScopeProblem> => {
      // A numeric project entry is already the id GitLab uses.
      if (kind === 'project' && /^\d+$/.test(path)) return { kind, id: Number(path) };
      try {
        const found = await data.lookup(kind, path);
        if ('error' in found) return { field, path, message: found.error.message };
        return kind === 'group' ? { kind, id: found.id, path } : { kind, id: found.id };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { field, path, message: `Could not look up ${kind} “${path}”: ${message}` };
      }
    }),
  );
  return {
    targets: resolved.filter((entry): entry is ScopeTarget => 'kind' in entry),
    problems: resolved.filter((entry): entry is ScopeProblem => 'field' in entry),
  };
}

/** The team's scopes for a sync, or a message that says why there are none. */
export async function teamTargetsOrExplain(
  settings: Settings,
  data: { lookup(kind: 'project' | 'group', path: string): Promise<Lookup> },
): Promise<TeamResolution> {
  const team = await resolveTeam(settings, data);
  if (!team.targets.length) {
    const first = team.problems[0];
    throw new MessageError(
      first
        ? { kind: 'scope-not-found', message: `None of the team's group or projects could be used. ${first.message}` }
        : { kind: 'no-team', message: "Add the team's group or projects in the settings to sync them." },
    );
  }
  return team;
}

/**
 * Team paths GitLab answered 404 for when last looked up, by settings field, from IndexedDB
 * (no request): the options page shows them next to their fields when it opens.
 */
export async function storedTeamProblems(db: LensDb, settings: Settings): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  for (const { kind, path, field } of teamPaths(settings)) {
    const stored = await db.get('scopeIds', `${kind}:${path}`);
    if (stored && stored.id === null && stored.error) problems[field] = stored.error.message;
  }
  return problems;
}

/**
 * The scopes a KPI answer is over: the page's own (project, group, board) or, when asked for
 * and configured, the team's. A team none of whose paths resolves falls back to the page's own.
 */
export async function kpiTargets(
  settings: Settings,
  data: Pick<DataService, 'lookup'>,
  own: ScopeTarget,
  wantTeam: boolean,
): Promise<{ targets: ScopeTarget[]; team: boolean }> {
  if (!wantTeam || !hasTeam(settings)) return { targets: [own], team: false };
  const { targets } = await resolveTeam(settings, data);
  return targets.length ? { targets, team: true } : { targets: [own], team: false };
}

/** A board's own scope: its project (id from the page when it has one) or its group. */
export async function boardTarget(
  board: { projectPath?: string; projectId?: number; groupPath?: string },
  data: Pick<DataService, 'projectId' | 'groupId' | 'rememberProject'>,
): Promise<{ target: ScopeTarget; path: string }> {
  if (board.groupPath) return { target: { kind: 'group', id: await data.groupId(board.groupPath), path: board.groupPath }, path: board.groupPath };
  if (board.projectPath) {
    const id = board.projectId ?? (await data.projectId(board.projectPath));
    await data.rememberProject(board.projectPath, id);
    return { target: { kind: 'project', id }, path: board.projectPath };
  }
  throw new MessageError({ kind: 'invalid-request', message: 'A board request names its project or its group.' });
}
