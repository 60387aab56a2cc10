/**
 * Answers for board pages: the summary bar's KPIs of the board's scope or the team
 * (answers.ts), and the badges of many cards per message (SPEC §9: 1,000 cards on a warm cache).
 * Cache first; a stale scope starts a sync the tab is told about.
 */
import { getIssue, getIssuesByProject, getIssuesByProjects } from '../../db/cache';
import type { LensDb } from '../../db/database';
import { epicsStamp } from '../../db/sync-state';
import type { GitLabEpic, GitLabIssue } from '../../gitlab/schemas';
import type { KpiSettings } from '../../kpi';
import type { BadgeView } from '../../overview/badge-view';
import { boardCardBadges, parseItemPath } from '../../overview/card-badges';
import { itemClassifier } from '../../allocation/split';
import { allocationItemOf, splitOptionsFrom } from '../../overview/allocation-scopes';
import { kpiSettingsFrom, type Settings } from '../../settings';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { cachedProjects, groupProjectIds, projectPathOf, type ScopeTarget } from '../scope-cache';
import { boardTarget, hasTeam, kpiTargets, teamIsOnly } from '../scopes';

type BoardHandlers = Pick<Handlers, 'content:board-overview' | 'content:board-cards'>;

/** Below this many cards of one project, reading them one by one beats reading the whole project. */
const SINGLE_READS_UP_TO = 50;
/** Most cards answered ahead of the board (a message stays a few hundred KB at most). */
const PREFETCH_LIMIT = 5000;

export function createBoardHandlers(data: DataService, answers: Answers, now: () => number): BoardHandlers {
  /** Ids of the cards' projects; a project with nothing cached has no cards to answer for yet. */
  async function resolveProjects(paths: Iterable<string>, db: LensDb, gitlabUrl: string): Promise<Map<string, number>> {
    const wanted = [...paths];
    if (wanted.some((path) => data.knownProjectId(path) === undefined)) {
      for (const [id, path] of await cachedProjects(db, gitlabUrl)) await data.rememberProject(path, id);
    }
    const ids = new Map<string, number>();
    for (const path of wanted) {
      const id = data.knownProjectId(path);
      if (id !== undefined) ids.set(path, id);
    }
    return ids;
  }

  async function issuesByIid(db: LensDb, projectId: number, iids: readonly number[]): Promise<Map<number, GitLabIssue>> {
    if (iids.length > SINGLE_READS_UP_TO) {
      return new Map((await getIssuesByProject(db, projectId)).map((issue) => [issue.iid, issue]));
    }
    const found = await Promise.all(iids.map((iid) => getIssue(db, projectId, iid)));
    return new Map(found.flatMap((issue) => (issue ? [[issue.iid, issue] as const] : [])));
  }

  /**
   * Badges of the issues a board of this scope most likely shows: open ones and those closed
   * within the KPI window, most recently updated first, keyed by card path (`group/project#iid`,
   * the card's data-item-path).
   */
  /** Each card's allocation (inherited categories need the cached epics). */
  async function cardClassifier(db: LensDb, settings: Settings) {
    const epics = await db.getAll('epics');
    const options = splitOptionsFrom(settings, epics);
    const classify = itemClassifier(options.rules, options.epics);
    const lookup = new Map(epics.map((epic) => [`${epic.group_id}&${epic.iid}`, epic.id] as const));
    return (issue: GitLabIssue) =>
      classify(allocationItemOf(issue, (epic) => (epic.group_id === undefined ? null : (lookup.get(`${epic.group_id}&${epic.iid}`) ?? null))));
  }

  async function likelyCards(db: LensDb, target: ScopeTarget, settings: Settings, kpi: KpiSettings, at: Date): Promise<Record<string, BadgeView[]>> {
    const gitlabUrl = settings.gitlabUrl;
    const classify = await cardClassifier(db, settings);
    const projectIdsInScope = target.kind === 'project' ? [target.id] : await groupProjectIds(db, target.path, gitlabUrl);
    const closedSince = new Date(at.getTime() - kpi.windowDays * 86_400_000).toISOString();
    // Cards closed before the window get no badge at all (card-badges.ts), allocation included.
    const issues = (await getIssuesByProjects(db, projectIdsInScope))
      .filter((issue) => issue.state === 'opened' || (issue.closed_at ?? '') >= closedSince)
      .sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))
      .slice(0, PREFETCH_LIMIT);
    const answer: Record<string, BadgeView[]> = {};
    for (const issue of issues) {
      const path = projectPathOf(issue, gitlabUrl);
      if (path) answer[`${path}#${issue.iid}`] = boardCardBadges(issue, kpi, at, classify(issue));
    }
    return answer;
  }

  return {
    'content:board-overview': async ({ kpiScope = 'board', ...board }, sender) => {
      const { settings, db } = await data.context();
      const { target, path } = await boardTarget(board, data);
      const { targets, team } = await kpiTargets(settings, data, target, kpiScope === 'team');
      const { badges, freshness } = await answers.kpis({ settings, db }, targets, sender.tab?.id);
      const windowDays = settings.kpi.windowDays;
      return { badges, scopePath: path, kpiScope: team ? 'team' : 'board', teamConfigured: hasTeam(settings), teamIsOwn: teamIsOnly(settings, board), windowDays, freshness };
    },

    'content:board-cards': async ({ board, cards, prefetch }, sender) => {
      const { settings, db } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      const { target } = await boardTarget(board, data);
      if (board.epicBoard && target.kind === 'group') {
        // An epic board's cards are the group's epics (and its subgroups'), `group&iid`.
        const at = new Date(now());
        const dependsOn = { kpi, day: at.toISOString().slice(0, 10) };
        const { value, freshness } = await answers.over(db, 'epic-cards', [target], sender.tab?.id, dependsOn, async () =>
          epicCards(await db.getAll('epics'), target.path, kpi, at),
        );
        const all = value ?? {};
        const cardsAnswer = prefetch ? all : Object.fromEntries(cards.flatMap((card) => (all[card] ? [[card, all[card]] as const] : [])));
        return { cards: cardsAnswer, scopes: freshness.scopes, complete: freshness.syncedAt !== null };
      }
      if (prefetch) {
        // Asked while the board loads, at the page's start: kept per scope, so a warm board
        // answers with one read (the badges say "due tomorrow": a new day is a new answer).
        const at = new Date(now());
        const dependsOn = epicsStamp(db).then((epics) => ({ kpi, allocation: settings.allocation, gitlabUrl: settings.gitlabUrl, day: at.toISOString().slice(0, 10), epics }));
        const { value, freshness } = await answers.over(db, 'cards', [target], sender.tab?.id, dependsOn, () =>
          likelyCards(db, target, settings, kpi, at),
        );
        return { cards: value ?? {}, scopes: freshness.scopes, complete: freshness.syncedAt !== null };
      }
      const { scopes, syncedAt } = await answers.freshness([target], sender.tab?.id);
      const complete = syncedAt !== null;
      const byProject = new Map<string, Map<number, string>>();
      for (const card of cards) {
        const ref = parseItemPath(card);
        if (!ref) continue;
        const iids = byProject.get(ref.projectPath) ?? new Map<number, string>();
        iids.set(ref.iid, card);
        byProject.set(ref.projectPath, iids);
      }
      const [ids, classify] = await Promise.all([resolveProjects(byProject.keys(), db, settings.gitlabUrl), cardClassifier(db, settings)]);
      const at = new Date(now());
      const answer: Record<string, BadgeView[]> = {};
      await Promise.all(
        [...ids].map(async ([path, projectId]) => {
          const iids = byProject.get(path)!;
          const issues = await issuesByIid(db, projectId, [...iids.keys()]);
          for (const [iid, card] of iids) {
            const issue = issues.get(iid);
            if (issue) answer[card] = boardCardBadges(issue, kpi, at, classify(issue));
          }
        }),
      );
      return { cards: answer, scopes, complete };
    },
  };
}

/** `group/sub&12` of an epic: its full reference, else its web URL; null when neither says. */
export function epicPathOf(epic: Pick<GitLabEpic, 'references' | 'web_url' | 'iid'>): string | null {
  const full = epic.references?.full;
  if (full && /&\d+$/.test(full)) return full;
  const match = /\/groups\/(.+?)\/-\/epics\/(\d+)/.exec(epic.web_url);
  return match ? `${match[1]}&${match[2]}` : null;
}

/**
 * The badges of the epics of `groupPath` and its subgroups, by card path: what needs attention on
 * an epic card, as on an issue card (overdue, due soon by the epic's due date).
 */
export function epicCards(epics: readonly GitLabEpic[], groupPath: string, kpi: KpiSettings, at: Date): Record<string, BadgeView[]> {
  const answer: Record<string, BadgeView[]> = {};
  for (const epic of epics) {
    const path = epicPathOf(epic);
    if (!path) continue;
    const group = path.slice(0, path.lastIndexOf('&'));
    if (group !== groupPath && !group.startsWith(`${groupPath}/`)) continue;
    answer[path] = boardCardBadges({ ...epic, project_id: epic.group_id }, kpi, at);
  }
  return answer;
}
