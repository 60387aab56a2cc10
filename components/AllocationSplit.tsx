import { useId, useState } from 'react';
import type { AllocationViewInfo } from '../utils/messages';
import { Badge } from './Badge';

const STATUS_OF_BUDGET = { within: 'met', over: 'near', under: 'near', 'no-data': 'neutral' } as const;
const BUDGET_WORDS = { within: 'on budget', over: 'over budget', under: 'under budget', 'no-data': 'no data' } as const;

/**
 * A compact bar: one segment per category, its width the share. Decorative (aria-hidden): the
 * text beside it says the same. Segments differ by a pattern and a border, never colour alone.
 */
export function AllocationBar({ view, compact = false }: { view: AllocationViewInfo; compact?: boolean }) {
  return (
    <span className={`lens-alloc-bar${compact ? ' lens-alloc-bar--compact' : ''}`} aria-hidden="true">
      {view.shares
        .filter((share) => share.percent > 0)
        .map((share, index) => (
          <span key={share.id} className="lens-alloc-seg" data-kind={share.kind} data-index={index % 4} style={{ width: `${share.percent}%` }} title={`${share.name} ${share.percent}%`} />
        ))}
    </span>
  );
}

/**
 * "Allocation Feature 60% · Maintenance 25% · Uncategorized 15%" with the budget in words. Clicking
 * Uncategorized lists those issues (links into GitLab) so they can be given a category.
 */
export function AllocationSplit({ view, label = 'Allocation' }: { view: AllocationViewInfo; label?: string }) {
  const [listOpen, setListOpen] = useState(false);
  const listId = useId();
  if (view.itemCount === 0) return <span className="lens-muted">{label}: no issues</span>;
  const uncategorized = view.shares.find((share) => share.kind === 'uncategorized');
  const categorized = view.shares.filter((share) => share.kind !== 'uncategorized');
  return (
    <span className="lens-alloc" data-testid="lens-allocation">
      <span className="lens-alloc-label">{label}</span>
      <AllocationBar view={view} />
      {categorized.length ? (
        <Badge
          text={categorized.map((share) => share.text).join(' · ')}
          explanation={`Share of the issues ${view.measureText}. Uncategorized issues match no allocation rule.`}
          testId="lens-allocation-split"
        />
      ) : null}
      {uncategorized ? (
        <button
          type="button"
          className="lens-link"
          aria-expanded={listOpen}
          aria-controls={listId}
          data-testid="lens-allocation-uncategorized"
          onClick={() => setListOpen(!listOpen)}
        >
          {uncategorized.text} ({uncategorized.count})
        </button>
      ) : null}
      <Badge
        text={view.budgetText}
        explanation={`${view.budgetDetail} The budget is set in Engineering Lens settings.`}
        status={STATUS_OF_BUDGET[view.budgetStatus]}
        statusLabel={BUDGET_WORDS[view.budgetStatus]}
        testId="lens-allocation-budget"
      />
      {uncategorized && listOpen ? (
        <span id={listId} className="lens-alloc-list" role="list" aria-label="Uncategorized issues">
          {view.uncategorized.map((item) => (
            <span role="listitem" key={item.ref}>
              <a href={item.url}>{item.ref}</a>
            </span>
          ))}
          {uncategorized.count > view.uncategorized.length ? <span role="listitem">and {uncategorized.count - view.uncategorized.length} more</span> : null}
        </span>
      ) : null}
    </span>
  );
}
