import type { CategoryKind } from '../../form';
import { addCategory, removeCategory, updateCategory } from './edit';
import { RowButton, RowInput, RowSelect, type Choice } from './RowControls';
import type { EditorProps } from './shared';

const KINDS: readonly Choice<CategoryKind>[] = [
  { value: 'product', label: 'Product' },
  { value: 'engineering', label: 'Engineering' },
];

/** The categories: a name and a kind each; removing one leaves its rules marked for a new choice. */
export function CategoriesEditor({ allocation, onChange, error, focusLater }: EditorProps) {
  const { categories } = allocation;
  const onRemove = (index: number) => {
    const next = categories[index + 1] ?? categories[index - 1];
    onChange(removeCategory(allocation, categories[index]!.id));
    focusLater(next ? `category:${next.id}:remove` : 'category:add');
  };
  return (
    <>
      <h3 id="allocation-categories-heading" tabIndex={-1}>
        Categories
      </h3>
      <p className="field__hint options-section__intro">
        Product work is what the roadmap asks for; engineering work (maintenance, bugs, tooling) is the share the budget
        is about. Issues no rule matches count as Uncategorized.
      </p>
      {categories.length ? (
        <div className="allocation-rows allocation-rows--categories">
          <div className="allocation-row allocation-row__head" aria-hidden="true">
            <span>Name</span>
            <span>Kind</span>
          </div>
          <ul aria-label="Categories">
            {categories.map((category, index) => (
              <li key={category.id} className="allocation-row">
                <RowInput
                  label={`Category ${index + 1} name`}
                  value={category.name}
                  onChange={(name) => onChange(updateCategory(allocation, category.id, { name }))}
                  error={error(`allocation.categories.${index}.name`) ?? error(`allocation.categories.${index}.id`)}
                  focusId={`category:${category.id}:name`}
                />
                <RowSelect
                  label={`Category ${index + 1} kind`}
                  value={category.kind}
                  options={KINDS}
                  onChange={(kind) => onChange(updateCategory(allocation, category.id, { kind }))}
                  error={error(`allocation.categories.${index}.kind`)}
                />
                <div className="allocation-row__actions">
                  <RowButton name={`Remove category ${index + 1}`} onClick={() => onRemove(index)} focusId={`category:${category.id}:remove`}>
                    Remove
                  </RowButton>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="field__hint">No categories: every issue is Uncategorized.</p>
      )}
      {error('allocation.categories') ? (
        <p className="field__error" role="alert">
          {error('allocation.categories')}
        </p>
      ) : null}
      <div className="actions allocation-add">
        <button
          type="button"
          data-focus-id="category:add"
          onClick={() => {
            const { allocation: next, added } = addCategory(allocation);
            onChange(next);
            focusLater(`category:${added.id}:name`);
          }}
        >
          Add category
        </button>
      </div>
    </>
  );
}
