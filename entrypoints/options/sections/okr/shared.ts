import type { OkrErrorKey, OkrForm } from '../../form';
import type { ResponseOf } from '../../../../utils/messages';

export type OkrPickers = ResponseOf<'ui:okr-pickers'>;

/** What each part of the OKR editor gets from the section. */
export interface OkrEditorProps {
  okr: OkrForm;
  onChange: (okr: OkrForm) => void;
  /**
   * The message to show next to the input of a settings path: the path's own, else the first of
   * an item under it (`….labels.1`), naming that item when `items` are given.
   */
  error: (key: OkrErrorKey, items?: readonly string[]) => string | undefined;
  /** Focuses the control with this `data-focus-id` once the change is rendered. */
  focusLater: (focusId: string) => void;
}


const KR_FIELDS = /^(?:id|title|kind|kpi|target|direction|baseline|epic|epic\.group|epic\.iid|labels(?:\.\d+)?|projects(?:\.\d+)?|unit|start|history)$/;

/** Whether the section shows this path's message next to an input (else it shows at the top). */
export function placed(key: OkrErrorKey, okr: OkrForm): boolean {
  if (['okr.quarterStartMonth', 'okr.thresholds', 'okr.thresholds.atRiskBelow', 'okr.thresholds.offTrackBelow', 'okr.objectives'].includes(key)) return true;
  const objective = /^okr\.objectives\.(\d+)\.(.+)$/.exec(key);
  if (!objective) return false;
  const row = okr.objectives[Number(objective[1])];
  if (!row) return false;
  const rest = objective[2]!;
  if (['id', 'quarter', 'title', 'keyResults'].includes(rest)) return true;
  const keyResult = /^keyResults\.(\d+)(?:\.(.+))?$/.exec(rest);
  const kr = keyResult ? row.keyResults[Number(keyResult[1])] : undefined;
  if (!keyResult || !kr) return false;
  const field = keyResult[2];
  // The key result's own message (no kind it knows) shows at its kind.
  if (field === undefined || KR_FIELDS.test(field)) return true;
  const update = /^history\.(\d+)(?:\.(?:date|value))?$/.exec(field);
  return update !== null && Number(update[1]) < kr.history.length;
}
