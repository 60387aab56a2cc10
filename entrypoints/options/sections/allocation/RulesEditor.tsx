import type { RuleRow } from '../../form';
import { addRule, moveRule, removeRule, updateRule } from './edit';
import { RowButton, RowInput, RowSelect, type Choice } from './RowControls';
import { categoryLabel, type EditorProps } from './shared';

const MATCHES: readonly Choice<RuleRow['match']>[] = [
  { value: 'label', label: 'Label is' },
  { value: 'prefix', label: 'Label starts with' },
];

/** The ordered label rules; reordered with Move up and Move down, which keep the focus. */
export function RulesEditor({ allocation, onChange, error, focusLater }: EditorProps) {
  const { rules, categories } = allocation;
  const categoryChoices: Choice<string>[] = categories.map((category, index) => ({ value: category.id, label: categoryLabel(category.name, index) }));
  const known = new Set(categories.map((category) => category.id));

  const onMove = (rule: RuleRow, index: number, by: -1 | 1) => {
    onChange(moveRule(allocation, index, by));
    // The same button of the same rule, now one place up or down.
    focusLater(`rule:${rule.key}:${by < 0 ? 'up' : 'down'}`);
  };
  const onRemove = (index: number) => {
    const next = rules[index + 1] ?? rules[index - 1];
    onChange(removeRule(allocation, rules[index]!.key));
    focusLater(next ? `rule:${next.key}:remove` : 'rule:add');
  };

  return (
    <>
      <h3 id="allocation-rules-heading" tabIndex={-1}>
        Rules
      </h3>
      <p className="field__hint options-section__intro" id="allocation-rules-hint">
        Rules are tried in order and the first match wins: put the more specific labels first. &quot;Label starts
        with&quot; matches scoped labels such as <code>security::</code>. An issue no rule matches takes its epic&apos;s
        category.
      </p>
      {rules.length ? (
        <div className="allocation-rows allocation-rows--rules">
          <div className="allocation-row allocation-row__head" aria-hidden="true">
            <span>#</span>
            <span>Match</span>
            <span>Label</span>
            <span>Category</span>
          </div>
          <ol aria-label="Rules, first match wins" aria-describedby="allocation-rules-hint">
            {rules.map((rule, index) => {
              const n = index + 1;
              const options = known.has(rule.categoryId) ? categoryChoices : [{ value: '', label: 'Choose a category', disabled: true }, ...categoryChoices];
              return (
                <li key={rule.key} className="allocation-row">
                  <span className="allocation-row__number" aria-hidden="true">
                    {n}.
                  </span>
                  <RowSelect
                    label={`Rule ${n} match`}
                    value={rule.match}
                    options={MATCHES}
                    onChange={(match) => onChange(updateRule(allocation, rule.key, { match }))}
                    error={error(`allocation.rules.${index}.match`)}
                  />
                  <RowInput
                    label={`Rule ${n} label`}
                    value={rule.value}
                    onChange={(value) => onChange(updateRule(allocation, rule.key, { value }))}
                    error={error(`allocation.rules.${index}.value`)}
                    focusId={`rule:${rule.key}:value`}
                  />
                  <RowSelect
                    label={`Rule ${n} category`}
                    value={known.has(rule.categoryId) ? rule.categoryId : ''}
                    options={options}
                    onChange={(categoryId) => onChange(updateRule(allocation, rule.key, { categoryId }))}
                    error={error(`allocation.rules.${index}.categoryId`)}
                  />
                  <div className="allocation-row__actions">
                    <RowButton name={`Move rule ${n} up`} inactive={index === 0} onClick={() => onMove(rule, index, -1)} focusId={`rule:${rule.key}:up`}>
                      <span aria-hidden="true">↑</span>
                    </RowButton>
                    <RowButton
                      name={`Move rule ${n} down`}
                      inactive={index === rules.length - 1}
                      onClick={() => onMove(rule, index, 1)}
                      focusId={`rule:${rule.key}:down`}
                    >
                      <span aria-hidden="true">↓</span>
                    </RowButton>
                    <RowButton name={`Remove rule ${n}`} onClick={() => onRemove(index)} focusId={`rule:${rule.key}:remove`}>
                      Remove
                    </RowButton>
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      ) : (
        <p className="field__hint">No rules: every issue is Uncategorized.</p>
      )}
      {error('allocation.rules') ? (
        <p className="field__error" role="alert">
          {error('allocation.rules')}
        </p>
      ) : null}
      <div className="actions allocation-add">
        <button
          type="button"
          data-focus-id="rule:add"
          onClick={() => {
            const { allocation: next, added } = addRule(allocation);
            onChange(next);
            focusLater(`rule:${added.key}:value`);
          }}
        >
          Add rule
        </button>
      </div>
    </>
  );
}
