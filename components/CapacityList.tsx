import { useId } from 'react';
import type { ResponseOf } from '../utils/messages';

export type CapacityInfo = NonNullable<ResponseOf<'content:board-allocation'>['capacity']>;

/**
 * The board bar's capacity list, "Capacity by weight ava.chen 12/10 ! over · bo 6/10 · +2 more":
 * one focusable note named by the whole line ("Capacity by weight: …"), its explanation (formula,
 * period, everyone's numbers) on hover and focus like the badges. Each person wraps as a whole
 * on narrow boards. Neutral; a person over capacity is the one thing marked, with "! over" in
 * words and the action colour (never colour alone).
 */
export function CapacityList({ capacity }: { capacity: CapacityInfo }) {
  const tooltipId = useId();
  return (
    <span className="lens-capacity" tabIndex={0} role="note" aria-label={capacity.text} aria-describedby={tooltipId} data-testid="lens-capacity">
      <span className="lens-capacity-label">{capacity.label}</span>
      {capacity.parts.map((part, index) => (
        <span key={part.text} className="lens-capacity-item">
          {part.over ? <span className="lens-capacity-over">{part.text}</span> : part.text}
          {index < capacity.parts.length - 1 ? ' ·' : null}
        </span>
      ))}
      <span className="lens-tooltip" id={tooltipId} role="tooltip">
        {capacity.explanation}
      </span>
    </span>
  );
}
