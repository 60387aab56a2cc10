/**
 * Inheritance (SPEC §3): an issue no rule matches takes its epic's category, and an epic no rule
 * matches takes its parent's, up the tree. The answer names the epic whose labels decided, so
 * the user knows where to look ("inherited from &3").
 */
import type { compileAllocationRules, InheritedCategory } from './classify';

export interface AllocationEpic {
  id: number;
  parentId: number | null;
  labels: readonly string[];
  /** How the user names it: `&12`, or `group/sub&12` outside the page's group. */
  reference: string;
}

type Classifier = ReturnType<typeof compileAllocationRules>;

/**
 * The category each epic passes on to its issues, memoised per epic; `null` when neither it nor
 * an ancestor has a matching label. A parent cycle (bad data) ends the climb instead of looping.
 */
export function epicCategoryResolver(epics: readonly AllocationEpic[], classify: Classifier): (epicId: number | null | undefined) => InheritedCategory | null {
  const byId = new Map(epics.map((epic) => [epic.id, epic] as const));
  const memo = new Map<number, InheritedCategory | null>();

  const resolve = (epicId: number | null | undefined, climbing: Set<number>): InheritedCategory | null => {
    if (epicId === null || epicId === undefined) return null;
    const known = memo.get(epicId);
    if (known !== undefined) return known;
    const epic = byId.get(epicId);
    if (!epic || climbing.has(epicId)) return null;
    climbing.add(epicId);
    const own = classify(epic.labels);
    const answer: InheritedCategory | null =
      own.kind === 'categorized' && own.source === 'label' ? { categoryId: own.category.id, from: epic.reference } : resolve(epic.parentId, climbing);
    memo.set(epicId, answer);
    return answer;
  };

  return (epicId) => resolve(epicId, new Set());
}
