// Group epics (deprecated REST API, Premium+) and repository files.

import { createHash } from 'node:crypto';
import { forbidden, notFound, recordNotFound, type ApiRequest, type ApiResult } from '../http.ts';
import { compareKeys } from '../pagination.ts';
import type { Epic, Group } from '../types.ts';
import { listResult, routeIid, visibleGroup, visibleProject } from './access.ts';
import { fakeSha } from './serialize.ts';
import { epicEntity } from './serialize-work.ts';

/** Epics need a paid tier: 403 on a free group (doc/api/epics.md). */
function epicGroup(req: ApiRequest): Group {
  const group = visibleGroup(req);
  if (group.tier !== 'premium') throw forbidden();
  return group;
}

export function listGroupEpics(req: ApiRequest): ApiResult {
  const group = epicGroup(req);
  const { params } = req;
  const state = params.oneOf('state', ['opened', 'closed', 'all'] as const, 'all');
  const orderBy = params.oneOf('order_by', ['created_at', 'updated_at', 'title'] as const, 'created_at');
  const direction = params.oneOf('sort', ['asc', 'desc'] as const, 'desc');
  const labels = (params.get('labels') ?? '').split(',').map((label) => label.trim()).filter(Boolean);
  const search = params.get('search')?.toLowerCase();
  const parentId = params.int('parent_id');
  const updatedAfter = params.get('updated_after');
  const key = (epic: Epic): string => (orderBy === 'title' ? epic.title.toLowerCase() : orderBy === 'updated_at' ? epic.updated_at : epic.created_at);
  const epics = req.data.epics
    .filter(
      (epic) =>
        epic.group_id === group.id &&
        (state === 'all' || epic.state === state) &&
        labels.every((label) => epic.labels.includes(label)) &&
        (!search || epic.title.toLowerCase().includes(search)) &&
        (parentId === undefined || epic.parent_id === parentId) &&
        (!updatedAfter || Date.parse(epic.updated_at) >= Date.parse(updatedAfter)),
    )
    .sort((a, b) => compareKeys(key(a), a.id, key(b), b.id, direction));
  return listResult(req, epics, (epic) => epicEntity(req.data, req.baseUrl, epic));
}

/** `GET /groups/:id/epics/:epic_iid`: 404 for an iid that is no epic (a group-level issue or task). */
export function getGroupEpic(req: ApiRequest): ApiResult {
  const group = epicGroup(req);
  const epic = req.data.epicByIid(group.id, routeIid(req, 'epic_iid'));
  if (!epic) throw recordNotFound();
  return { body: epicEntity(req.data, req.baseUrl, epic) };
}

function repositoryFile(req: ApiRequest): { path: string; content: string; ref: string } {
  const project = visibleProject(req);
  const ref = req.params.get('ref');
  const knownRefs = [project.default_branch, 'HEAD', fakeSha(`head:${project.id}`)];
  if (ref !== undefined && !knownRefs.includes(ref)) throw notFound('Commit');
  const path = req.route.file_path ?? '';
  const content = project.files.get(path);
  if (content === undefined) throw notFound('File');
  return { path, content, ref: ref ?? project.default_branch };
}

function fileHeaders(path: string, content: string, ref: string, projectId: number): Record<string, string> {
  const blobId = createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
  const commit = fakeSha(`head:${projectId}`);
  return {
    'X-Gitlab-Blob-Id': blobId,
    'X-Gitlab-Commit-Id': commit,
    'X-Gitlab-Content-Sha256': createHash('sha256').update(content).digest('hex'),
    'X-Gitlab-Encoding': 'base64',
    'X-Gitlab-File-Name': path.split('/').pop() ?? path,
    'X-Gitlab-File-Path': path,
    'X-Gitlab-Last-Commit-Id': commit,
    'X-Gitlab-Ref': ref,
    'X-Gitlab-Size': String(Buffer.byteLength(content)),
    'X-Gitlab-Execute-Filemode': 'false',
  };
}

/** GET /projects/:id/repository/files/:file_path/raw (ref optional, defaults to HEAD). */
export function getRawFile(req: ApiRequest): ApiResult {
  const { path, content, ref } = repositoryFile(req);
  const projectId = visibleProject(req).id;
  return { body: content, contentType: 'text/plain; charset=utf-8', headers: fileHeaders(path, content, ref, projectId) };
}
