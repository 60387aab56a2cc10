/**
 * Suggested DRI (SPEC §4): gathers the evidence for one issue from the cache (members, history,
 * open load, CODEOWNERS) plus the paths its related merge requests changed, and ranks with the
 * pure utils/dri. Assign is the one write: sent from here only, after a click in our panel, for a
 * member the panel could offer.
 */
import { getIssue, getIssuesByProject, getMergeRequestsByProject, getMembers, putIssues } from '../../db/cache';
import { scopeKey } from '../../db/records';
import { mentionedPaths } from '../../dri/mentioned-paths';
import { ownersOf, parseCodeowners, type CodeOwner } from '../../dri/codeowners';
import { suggestDris, type CodeownerEvidence, type DriMember } from '../../dri';
import { countsTowardLoad } from '../../dri/load';
import type { GitLabClient } from '../../gitlab/client';
import { GitLabError } from '../../gitlab/errors';
import type { GitLabIssue, GitLabMergeRequest } from '../../gitlab/schemas';
import { MessageError } from '../../messages';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import { createTokenScopes, missingApiScope, type TokenScopes } from '../token-scopes';
import type { Handlers } from '../router';

type DriHandlers = Pick<Handlers, 'content:suggested-dri' | 'content:assign-issue'>;

/** At most this many related MRs have their changed files read (newest first). */
const MAX_RELATED_MRS = 3;
const ROLE_LEVELS = { developer: 30, maintainer: 40, owner: 50 } as const;

/** MRs that close or mention the issue in their title or description (`Closes #12`, `#12`). */
export function relatedMergeRequests(mergeRequests: readonly GitLabMergeRequest[], iid: number): GitLabMergeRequest[] {
  const mention = new RegExp(`(?:^|[^\\w&!/])#${iid}(?!\\d)`);
  return mergeRequests.filter((mr) => mention.test(`${mr.title}\n${mr.description ?? ''}`)).sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1));
}

/** Labels of the issues an MR closes (`Closes #3, fixes #4`), for history by label. */
function closedIssueLabels(mr: GitLabMergeRequest, issuesByIid: Map<number, GitLabIssue>): string[] {
  const labels = new Set<string>();
  for (const [, iid] of (mr.description ?? '').matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|implement(?:s|ed)?)\s*:?\s+#(\d+)/gi)) {
    for (const label of issuesByIid.get(Number(iid))?.labels ?? []) labels.add(label);
  }
  return [...labels];
}

export function createDriHandlers(data: DataService, answers: Answers, now: () => number, tokenScopes: TokenScopes = createTokenScopes()): DriHandlers {
  const diffs = new Map<string, Promise<string[]>>();
  const groupMembers = new Map<string, Promise<string[]>>();

  function changedPaths(client: GitLabClient, projectId: number, mr: GitLabMergeRequest): Promise<string[]> {
    const key = `${projectId}!${mr.iid}@${mr.updated_at}`;
    let pending = diffs.get(key);
    if (!pending) {
      pending = (async () => {
        const paths: string[] = [];
        for await (const page of client.listMergeRequestDiffs(projectId, mr.iid)) for (const diff of page.items) paths.push(diff.new_path);
        return paths;
      })();
      diffs.set(key, pending);
      pending.catch(() => diffs.delete(key));
    }
    return pending;
  }

  function membersOfGroup(client: GitLabClient, path: string): Promise<string[]> {
    let pending = groupMembers.get(path);
    if (!pending) {
      pending = (async () => {
        const usernames: string[] = [];
        for await (const page of client.listMembersAll({ kind: 'group', id: path })) for (const member of page.items) usernames.push(member.username);
        return usernames;
      })();
      groupMembers.set(path, pending);
      pending.catch(() => groupMembers.delete(path));
    }
    return pending;
  }

  async function issueOf(request: { projectPath: string; projectId?: number; iid: number }) {
    const { settings, db, client } = await data.context();
    const projectId = request.projectId ?? (await data.storedId('project', request.projectPath)) ?? (await data.projectId(request.projectPath));
    let issue = await getIssue(db, projectId, request.iid);
    if (!issue) {
      issue = await client.getIssue(projectId, request.iid);
      await putIssues(db, [issue]);
    }
    await data.rememberProject(request.projectPath, issue.project_id);
    return { settings, db, client, projectId: issue.project_id, issue };
  }

  /** CODEOWNERS evidence: owners of the paths the issue mentions and its related MRs changed. */
  async function codeownerEvidence(
    context: { client: GitLabClient; projectId: number; projectPath: string; text: string | null; issue: GitLabIssue; related: GitLabMergeRequest[]; members: DriMember[] },
    notes: string[],
  ): Promise<CodeownerEvidence[]> {
    if (!context.text) return [];
    const namespaces = context.projectPath.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'));
    const parsed = parseCodeowners(context.text, { groups: namespaces });
    for (const problem of parsed.problems.slice(0, 5)) notes.push(`CODEOWNERS line ${problem.line} skipped: ${problem.message}`);
    const fromIssue = mentionedPaths(context.issue.title, context.issue.description).map((path) => ({ path, source: 'issue' as const }));
    const fromMrs = (
      await Promise.all(
        context.related.slice(0, MAX_RELATED_MRS).map((mr) =>
          changedPaths(context.client, context.projectId, mr).catch(() => {
            notes.push(`The files changed by !${mr.iid} could not be read.`);
            return [];
          }),
        ),
      )
    )
      .flat()
      .map((path) => ({ path, source: 'merge-request' as const }));
    const evidence: CodeownerEvidence[] = [];
    const resolve = async (owner: CodeOwner): Promise<string[]> => {
      if (owner.kind === 'user') return [owner.username];
      // GitLab's @@role owners are the members with exactly that role (direct members only, which
      // the cached members/all cannot tell apart: inherited ones count here too).
      if (owner.kind === 'role') return context.members.filter((member) => member.accessLevel === ROLE_LEVELS[owner.role]).map((member) => member.username);
      if (owner.kind === 'group') {
        return membersOfGroup(context.client, owner.path).catch(() => {
          notes.push(`The members of @${owner.path} (a CODEOWNERS owner) could not be read.`);
          return [];
        });
      }
      notes.push(`${owner.email} owns a path, but GitLab's API does not show members' emails to match it.`);
      return [];
    };
    for (const { path, source } of [...fromIssue, ...fromMrs]) {
      for (const match of ownersOf(parsed, path)) {
        for (const username of await resolve(match.owner)) evidence.push({ username, path: match.pattern, source });
      }
    }
    return evidence;
  }

  return {
    'content:suggested-dri': async (request, sender) => {
      const { settings, db, client, projectId, issue } = await issueOf(request);
      const target = { kind: 'project' as const, id: projectId, path: request.projectPath };
      const [freshness, storedMembers, issues, mergeRequests, codeowners, scopesOfToken] = await Promise.all([
        answers.freshness([target], sender.tab?.id),
        getMembers(db, scopeKey('project', projectId)),
        getIssuesByProject(db, projectId),
        getMergeRequestsByProject(db, projectId),
        db.get('codeowners', projectId),
        tokenScopes(client),
      ]);
      const members: DriMember[] = storedMembers.map((member) => ({
        id: member.id,
        username: member.username,
        name: member.name,
        avatarUrl: member.avatar_url ?? null,
        state: member.state ?? 'active',
        accessLevel: member.access_level,
        joinedAt: member.created_at ?? null,
      }));
      const notes: string[] = [];
      const related = relatedMergeRequests(mergeRequests, issue.iid);
      const evidence = await codeownerEvidence({ client, projectId, projectPath: request.projectPath, text: codeowners?.text ?? null, issue, related, members }, notes);
      const issuesByIid = new Map(issues.map((candidate) => [candidate.iid, candidate]));
      const today = new Date(now()).toISOString().slice(0, 10);
      const answer = suggestDris({
        issue: { iid: issue.iid, title: issue.title, description: issue.description ?? '', labels: issue.labels, weight: issue.weight ?? null, assigneeUsernames: issue.assignees.map((user) => user.username) },
        members,
        codeowners: evidence,
        history: {
          issues: issues.filter((candidate) => candidate.iid !== issue.iid).map((candidate) => ({ labels: candidate.labels, state: candidate.state, closedAt: candidate.closed_at ?? null, closedBy: candidate.closed_by?.username ?? null })),
          mergeRequests: mergeRequests
            .filter((mr) => mr.merged_at)
            .map((mr) => ({ labels: mr.labels, mergedAt: mr.merged_at ?? null, author: mr.author.username, closesIssueLabels: closedIssueLabels(mr, issuesByIid) })),
        },
        // The open work of this period (settings: per milestone or per week).
        openAssignments: issues
          .filter((candidate) => candidate.state === 'opened' && countsTowardLoad(candidate, settings.dri.capacity.unit, today))
          .flatMap((candidate) => candidate.assignees.map((user) => ({ username: user.username, weight: candidate.weight ?? null }))),
        settings: settings.dri,
        now: new Date(now()),
      });
      const byUsername = new Map(storedMembers.map((member) => [member.username.toLowerCase(), member]));
      const assignees = new Set(issue.assignees.map((user) => user.username.toLowerCase()));
      const person = (username: string) => {
        const member = byUsername.get(username.toLowerCase());
        return member
          ? [{ userId: member.id, username: member.username, name: member.name, avatarUrl: member.avatar_url ?? null, webUrl: member.web_url ?? `${settings.gitlabUrl}/${member.username}`, assigned: assignees.has(member.username.toLowerCase()) }]
          : [];
      };
      const cannotAssign = missingApiScope(scopesOfToken, 'Assign');
      return {
        suggestions: answer.suggestions.flatMap((suggestion) =>
          person(suggestion.username).map((who) => ({ ...who, score: suggestion.score, reasons: suggestion.reasons.map((reason) => reason.text), atCapacity: suggestion.atCapacity })),
        ),
        onboarding: answer.onboarding.flatMap((candidate) => person(candidate.username).map((who) => ({ ...who, joinedDaysAgo: candidate.joinedDaysAgo }))),
        simple: answer.simple,
        assign: cannotAssign ? { allowed: false, reason: cannotAssign } : { allowed: true },
        notes: [...new Set(notes)],
        freshness,
      };
    },

    'content:assign-issue': async ({ projectPath, projectId: pageProjectId, iid, userId, mode }) => {
      const { db, client, projectId } = await issueOf({ projectPath, iid, ...(pageProjectId ? { projectId: pageProjectId } : {}) });
      const members = await getMembers(db, scopeKey('project', projectId));
      const member = members.find((candidate) => candidate.id === userId);
      if (!member || (member.state ?? 'active') !== 'active') {
        throw new MessageError({ kind: 'invalid-request', message: 'Only an active member of the project can be assigned from here.' });
      }
      // The assignees as GitLab has them now, not as cached: "add" must not drop a newer one.
      const current = await client.getIssue(projectId, iid);
      const ids = mode === 'add' ? [...new Set([...current.assignees.map((user) => user.id), userId])] : [userId];
      try {
        const updated = await client.setIssueAssignees(projectId, iid, ids);
        await putIssues(db, [updated]);
        return { assignees: updated.assignees.map((user) => ({ username: user.username, name: user.name })) };
      } catch (error) {
        if (error instanceof GitLabError && error.kind === 'forbidden') {
          throw new MessageError({ kind: 'forbidden', message: `GitLab refused: ${error.message}` });
        }
        throw error;
      }
    },
  };
}
