/**
 * A board's allocation split, overall and per list (SPEC §3), and its capacity list (SPEC §1:
 * open weight per assignee against their capacity). The board's lists come from the boards API
 * (one request per scope, remembered a while: lists change rarely and a board page must answer
 * from memory); which issue is in which list follows GitLab's list rules over the cached issues
 * (utils/board/lists.ts), so lists not scrolled into view count too.
 */
import { boardListMembership, boardMembershipCaveats, type BoardIssue, type BoardListKey } from '../../board/lists';
import { getMembers } from '../../db/cache';
import { scopeKey, type StoredMember } from '../../db/records';
import { epicsStamp } from '../../db/sync-state';
import type { DriMember } from '../../dri/types';
import type { GitLabBoard, GitLabIssue } from '../../gitlab/schemas';
import { MessageError } from '../../messages';
import { allocationOf } from '../../overview/allocation-scopes';
import { boardCapacity } from '../../overview/capacity';
import type { DriCapacity } from '../../settings/dri';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { loadTeamData } from '../scope-cache';
import { boardTarget } from '../scopes';

type BoardAllocationHandlers = Pick<Handlers, 'content:board-allocation'>;

/** Board lists are asked again after this long (or when the worker restarts). */
const BOARDS_TTL_MS = 10 * 60_000;

const CAVEAT_WORDS = {
  'iteration-lists': 'Iteration lists are not split: their issues count under Open.',
  'unknown-lists': 'Some lists are of a kind Engineering Lens does not know: their issues count under Open.',
  'milestone-special-scope': "The board's Upcoming or Started milestone scope is not applied.",
} as const;

/** People the bar names before "+N more" (the tooltip names everyone): its one line has room for about this many. */
const CAPACITY_LISTED = 4;

/** As the Suggested DRI handler maps them (dri.ts). */
function driMemberOf(member: StoredMember): DriMember {
  return {
    id: member.id,
    username: member.username,
    name: member.name,
    avatarUrl: member.avatar_url ?? null,
    state: member.state ?? 'active',
    accessLevel: member.access_level,
    joinedAt: member.created_at ?? null,
  };
}

/**
 * The bar's capacity list: boardCapacity's line cut into its parts (the same words, so the bar
 * reads exactly as `text`), each person over capacity flagged for the mark. Null when nobody on
 * the board has open assigned work this period: the bar then shows nothing.
 */
export function capacityOfBoard(issues: readonly GitLabIssue[], members: readonly StoredMember[], capacity: DriCapacity, today: string) {
  const view = boardCapacity(issues, members.map(driMemberOf), capacity, { today, maxListed: CAPACITY_LISTED });
  if (view.people.length === 0) return null;
  const split = view.capacityText.indexOf(': ');
  const over = new Set(view.people.filter((person) => person.over).map((person) => person.text));
  return {
    text: view.capacityText,
    label: view.capacityText.slice(0, split),
    parts: view.capacityText
      .slice(split + 2)
      .split(' · ')
      .map((part) => ({ text: part, over: over.has(part) })),
    overCount: view.overCount,
    explanation: view.explanation,
  };
}

function boardIssueOf(issue: GitLabIssue): BoardIssue {
  return {
    key: issue.references?.full ?? `${issue.project_id}#${issue.iid}`,
    state: issue.state === 'closed' ? 'closed' : 'opened',
    labels: issue.labels,
    assigneeUsernames: issue.assignees.map((user) => user.username),
    milestoneTitle: issue.milestone?.title ?? null,
    weight: issue.weight ?? null,
  };
}

export function createBoardAllocationHandlers(data: DataService, answers: Answers, now: () => number = Date.now): BoardAllocationHandlers {
  const boards = new Map<string, { at: number; boards: Promise<GitLabBoard[]> }>();

  function boardsOf(gitlabUrl: string, kind: 'project' | 'group', id: number, list: () => AsyncIterable<{ items: GitLabBoard[] }>): Promise<GitLabBoard[]> {
    const key = `${gitlabUrl} ${kind}:${id}`;
    const kept = boards.get(key);
    if (kept && Date.now() - kept.at < BOARDS_TTL_MS) return kept.boards;
    const fetched = (async () => {
      const all: GitLabBoard[] = [];
      for await (const page of list()) all.push(...page.items);
      return all;
    })();
    boards.set(key, { at: Date.now(), boards: fetched });
    fetched.catch(() => boards.delete(key));
    return fetched;
  }

  return {
    'content:board-allocation': async (request, sender) => {
      if (request.epicBoard) throw new MessageError({ kind: 'invalid-request', message: 'Epic boards have no allocation split: their cards are epics.' });
      const { settings, db, client } = await data.context();
      const { target } = await boardTarget(request, data);
      const all = await boardsOf(settings.gitlabUrl, target.kind, target.id, () =>
        target.kind === 'project' ? client.listProjectBoards(target.id) : client.listGroupBoards(target.id),
      );
      // `/-/boards` without an id shows the first board.
      const board = (request.boardId === undefined ? all[0] : all.find((candidate) => candidate.id === request.boardId)) ?? null;
      if (!board) throw new MessageError({ kind: 'scope-not-found', message: 'GitLab did not list this board.' });
      // Capacity counts this period's work (a current milestone, or what is due this week): a new day may change it.
      const today = new Date(now()).toISOString().slice(0, 10);
      const dependsOn = epicsStamp(db).then((epics) => ({ allocation: settings.allocation, capacity: settings.dri.capacity, today, board, gitlabUrl: settings.gitlabUrl, epics }));
      const { value, freshness } = await answers.over(db, `board-allocation:${board.id}`, [target], sender.tab?.id, dependsOn, async () => {
        const [{ issues }, epics, storedMembers] = await Promise.all([
          loadTeamData(db, [target], settings.gitlabUrl),
          db.getAll('epics'),
          getMembers(db, scopeKey(target.kind, target.id)),
        ]);
        const byKey = new Map((issues as GitLabIssue[]).map((issue) => [boardIssueOf(issue).key, issue] as const));
        const membership = boardListMembership(board, [...byKey.values()].map(boardIssueOf));
        const onBoard = new Map<string, GitLabIssue>();
        const lists: Array<{ key: BoardListKey; view: ReturnType<typeof allocationOf> }> = [];
        for (const [key, members] of membership) {
          const listIssues = members.flatMap((member) => byKey.get(member.key) ?? []);
          for (const issue of listIssues) onBoard.set(`${issue.project_id}#${issue.iid}`, issue);
          lists.push({ key, view: allocationOf(listIssues, settings, epics) });
        }
        return {
          board: allocationOf([...onBoard.values()], settings, epics),
          lists,
          capacity: capacityOfBoard([...onBoard.values()], storedMembers, settings.dri.capacity, today),
        };
      });
      return {
        board: value?.board ?? null,
        lists: value?.lists ?? [],
        // A snapshot stored before the capacity list existed has none (its stamp differs anyway).
        capacity: value?.capacity ?? null,
        listIds: board.lists.map((list) => list.id),
        caveats: boardMembershipCaveats(board).map((caveat) => CAVEAT_WORDS[caveat]),
        freshness,
      };
    },
  };
}
