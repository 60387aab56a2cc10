// Issues: project and group lists, single issue, create (POST) and assign (PUT).

import { isoDate, parseDate } from '../dates.ts';
import { addIssue } from '../fixtures.ts';
import { ApiError, forbidden, invalidParam, parseBody, type ApiRequest, type ApiResult } from '../http.ts';
import { keysetPage, offsetPage } from '../pagination.ts';
import { labelTextColor } from '../seed/planning.ts';
import type { Issue, Project } from '../types.ts';
import { visibleGroup, visibleIssue, visibleProject } from './access.ts';
import { assertKeysetSupported, queryIssues } from './issue-query.ts';
import { issueEntity, type ReferenceContext } from './serialize-work.ts';

function issueList(req: ApiRequest, sourceKey: string, source: () => Issue[], context: ReferenceContext, keysetAllowed: boolean): ApiResult {
  const { items, order } = queryIssues(req, sourceKey, source);
  const details = req.params.get('with_labels_details') === 'true';
  const entity = (issue: Issue): unknown => issueEntity(req.data, req.baseUrl, issue, context, details);
  if (req.params.get('pagination') === 'keyset') {
    if (!keysetAllowed) throw new ApiError(405, { error: 'Keyset pagination is not yet available for this type of request' });
    assertKeysetSupported(order);
    const page = keysetPage(req, items, order.orderBy, order.direction, order.keyOf);
    return { body: page.items.map(entity), headers: page.headers };
  }
  const page = offsetPage(req, items);
  return { body: page.items.map(entity), headers: page.headers };
}

export function listProjectIssues(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  return issueList(req, `project:${project.id}`, () => req.data.issuesOf(project.id), 'project', true);
}

export function listGroupIssues(req: ApiRequest): ApiResult {
  const group = visibleGroup(req);
  const source = (): Issue[] => req.data.projectsOfGroup(group.id).flatMap((project) => req.data.issuesOf(project.id));
  return issueList(req, `group:${group.id}`, source, 'group', false);
}

export function getIssue(req: ApiRequest): ApiResult {
  const { issue } = visibleIssue(req);
  return { body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: false } };
}

/**
 * `PUT /projects/:id/issues/:issue_iid` (doc/api/issues.md "Edit an issue"), the part the
 * extension uses: `assignee_ids` (an empty list unassigns everyone). Editing needs at least the
 * Reporter role (Planner on newer GitLab); Free keeps a single assignee (multiple assignees are
 * Premium), so extra ids are dropped there as GitLab does.
 */
export function updateIssue(req: ApiRequest): ApiResult {
  const { project, issue } = visibleIssue(req);
  if (req.data.accessLevel(req.auth!.user.id, { type: 'project', id: project.id }) < 15) throw forbidden();
  if ('assignee_ids' in req.body) {
    issue.assignee_ids = assigneeIds(req, project, req.body.assignee_ids);
    issue.updated_at = new Date(req.data.clock()).toISOString();
    req.data.touch();
  }
  return { body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: false } };
}

/**
 * `assignee_ids` as Grape coerces it (a list, or comma-separated integers): users who cannot be
 * assigned (not members) are left out without an error, and Free keeps a single assignee
 * (multiple assignees are Premium), as GitLab does. 0 or an empty value means nobody.
 */
function assigneeIds(req: ApiRequest, project: Project, raw: unknown): number[] {
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : String(raw).split(',');
  // Empty values (a form's `assignee_ids[]=`) mean nobody, like 0.
  const ids = list.filter((value) => !(typeof value === 'string' && value.trim() === '')).map((value) => Number(value));
  if (ids.some((id) => !Number.isInteger(id) || id < 0)) throw invalidParam('assignee_ids is invalid');
  const members = new Set(req.data.membersOf({ type: 'project', id: project.id }).map((record) => record.user.id));
  const valid = [...new Set(ids.filter((id) => id !== 0 && members.has(id)))];
  return project.tier === 'premium' ? valid : valid.slice(0, 1);
}

// Issue model validations (app/models/concerns/issuable.rb): TITLE_LENGTH_MAX, DESCRIPTION_LENGTH_MAX.
const TITLE_MAX = 255;
const DESCRIPTION_MAX = 1_048_576;
/** Label::DEFAULT_COLOR (BaseLabel), the colour of labels created from an issue's `labels`. */
const NEW_LABEL_COLOR = '#6699cc';

/** Grape's `type: String`: scalars are coerced, lists and objects are invalid. */
function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidParam(`${name} is invalid`);
}

function integerParam(params: Record<string, unknown>, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number)) throw invalidParam(`${name} is invalid`);
  return number;
}

/** Grape's Boolean coercion. */
function booleanParam(params: Record<string, unknown>, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['true', '1', 't', 'yes', 'y', 'on'].includes(text)) return true;
  if (['false', '0', 'f', 'no', 'n', 'off'].includes(text)) return false;
  throw invalidParam(`${name} is invalid`);
}

/** Characters as Ruby counts them (code points), not UTF-16 units. */
const characters = (text: string): number => [...text].length;

/**
 * The labels of a new issue (IssuableBaseService + Labels::FindOrCreateService): comma-separated
 * or a list; each name is looked up among the project's and its group's labels (exact title), and
 * one that does not exist yet is created on the project when the author may create labels
 * (Planner, Reporter or above), otherwise left out without an error. On Premium, scoped labels
 * are exclusive: of several `key::…` labels only the last one given stays.
 */
function issueLabels(req: ApiRequest, project: Project, raw: unknown, accessLevel: number): string[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const names = [...new Set(list.flatMap((value) => String(value).split(',')).map((name) => name.trim()).filter(Boolean))];
  const labels: string[] = [];
  for (const name of names) {
    let label = req.data.labelsFor(project).find((candidate) => candidate.name === name);
    if (!label && accessLevel >= 15) {
      label = {
        id: req.data.labels.reduce((max, candidate) => Math.max(max, candidate.id), 0) + 1,
        name,
        color: NEW_LABEL_COLOR,
        text_color: labelTextColor(NEW_LABEL_COLOR),
        description: null,
        group_id: null,
        project_id: project.id,
      };
      req.data.labels.push(label);
    }
    if (label) labels.push(label.name);
  }
  if (project.tier !== 'premium') return labels;
  const scope = (name: string): string | null => (name.includes('::') ? name.slice(0, name.lastIndexOf('::')) : null);
  return labels.filter((name, index) => {
    const key = scope(name);
    return key === null || !labels.slice(index + 1).some((later) => scope(later) === key);
  });
}

/**
 * `POST /projects/:id/issues` (doc/api/issues.md "New issue", lib/api/issues.rb). Parameters come
 * from the query string and a JSON or form body alike (Grape merges them, the body wins). Any
 * member may create issues (Guest and up; non-members of these private projects get 404). Answers
 * 201 with the issue entity; the author is the token's user, created_at/updated_at the dataset
 * clock. Not modelled: `iid` / `created_at` (admins and owners only), epics, merge request
 * discussions, spam checks, the 300-a-minute creation limit.
 */
export function createIssue(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  const user = req.auth!.user;
  const accessLevel = req.data.accessLevel(user.id, { type: 'project', id: project.id });
  if (accessLevel < 10) throw forbidden();
  const params: Record<string, unknown> = { ...parseBody(req.url.search.slice(1), undefined), ...req.body };
  // Grape: `requires :title` is about the key; a present but empty title is a model error below.
  if (!('title' in params)) throw invalidParam('title is missing');
  const title = (stringParam(params, 'title') ?? '').trim();
  const description = stringParam(params, 'description') ?? '';
  const confidential = booleanParam(params, 'confidential');
  const milestoneId = integerParam(params, 'milestone_id');
  const weight = project.tier === 'premium' ? integerParam(params, 'weight') : undefined;
  if (weight !== undefined && weight < 0) throw invalidParam('weight does not have a valid value');
  const issueType = stringParam(params, 'issue_type');
  if (issueType !== undefined && issueType !== 'issue' && issueType !== 'incident') throw invalidParam('issue_type does not have a valid value');
  const rawAssignees = params.assignee_ids ?? params.assignee_id;
  const assignees = rawAssignees === undefined ? [] : assigneeIds(req, project, rawAssignees);
  const errors: Record<string, string[]> = {};
  if (!title) errors.title = ["can't be blank"];
  else if (characters(title) > TITLE_MAX) errors.title = [`is too long (maximum is ${TITLE_MAX} characters)`];
  if (characters(description) > DESCRIPTION_MAX) errors.description = [`is too long (maximum is ${DESCRIPTION_MAX} characters)`];
  // render_validation_error!: 400 {"message": {"<attribute>": ["<error>", …]}}.
  if (Object.keys(errors).length > 0) throw new ApiError(400, { message: errors });
  const milestone = req.data.milestones.find(
    (candidate) => candidate.id === milestoneId && (candidate.project_id === project.id || candidate.group_id === project.namespace_id),
  );
  const dueDate = stringParam(params, 'due_date');
  const issue = addIssue(req.data, project.id, {
    title,
    description,
    labels: issueLabels(req, project, params.labels, accessLevel),
    assignees,
    author: user.id,
    milestone: milestone?.id ?? null,
    // A date the database cannot read is dropped, as Rails casts it to nil.
    due_date: dueDate && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && isoDate(parseDate(dueDate)) === dueDate ? dueDate : null,
    weight: weight ?? null,
    confidential: confidential ?? false,
    // Incidents need the Reporter role; below it GitLab creates a plain issue.
    issue_type: issueType === 'incident' && accessLevel >= 20 ? 'incident' : 'issue',
  });
  // The author is a participant, so subscribed.
  return { status: 201, body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: true } };
}
