import type { z } from 'zod';
import { GitLabError } from './errors';

/**
 * One element GitLab sent that we could not read. Plain data so it can be stored in IndexedDB,
 * sent to the popup and shown to the user ("issue #12 of my-group/app: milestone.due_date ...").
 */
export interface ParseProblem {
  /** What was being read, e.g. "issues of project 12". */
  context: string;
  /** Index of the element in the payload, or -1 when the payload itself is not a list. */
  index: number;
  /** Path of the bad field inside the payload, e.g. "[3].milestone.due_date". */
  path: string;
  message: string;
  /** `id` / `iid` of the bad element when they could be read, so the user can find it. */
  id?: number;
  iid?: number;
}

export interface ParsedList<T> {
  items: T[];
  problems: ParseProblem[];
}

/** "[3].milestone.due_date" from index 3 and zod's path ['milestone', 'due_date']. */
function formatProblemPath(index: number, path: readonly PropertyKey[]): string {
  const head = index >= 0 ? `[${index}]` : '';
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    head,
  );
}

function numberField(element: unknown, key: 'id' | 'iid'): number | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  const value = (element as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Parses a GitLab list element by element: a bad element is skipped and reported, never fatal
 * (SPEC §8: "a payload that does not parse is reported, not fatal"). One problem per bad field.
 */
export function parseList<S extends z.ZodType>(
  schema: S,
  payload: unknown,
  context: string,
): ParsedList<z.output<S>> {
  if (!Array.isArray(payload)) {
    const got = payload === null ? 'null' : typeof payload;
    return {
      items: [],
      problems: [{ context, index: -1, path: '', message: `Expected a list, got ${got}` }],
    };
  }
  const items: z.output<S>[] = [];
  const problems: ParseProblem[] = [];
  payload.forEach((element, index) => {
    const result = schema.safeParse(element);
    if (result.success) {
      items.push(result.data);
      return;
    }
    const id = numberField(element, 'id');
    const iid = numberField(element, 'iid');
    for (const issue of result.error.issues) {
      problems.push({
        context,
        index,
        path: formatProblemPath(index, issue.path),
        message: issue.message,
        ...(id === undefined ? {} : { id }),
        ...(iid === undefined ? {} : { iid }),
      });
    }
  });
  return { items, problems };
}

/** Parses one object (a single issue, the current user...): it is usable whole or not at all. */
export function parseOne<S extends z.ZodType>(schema: S, body: unknown, context: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    context,
    index: -1,
    path: formatProblemPath(-1, issue.path),
    message: issue.message,
  }));
  throw new GitLabError({ kind: 'invalid-payload', problems });
}
