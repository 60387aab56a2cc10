/**
 * The current quarter's key results linked to this epic (SPEC §1, §5): progress and status in
 * words, the explanation on hover and keyboard focus. Nothing when no key result names the epic.
 */
import { useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../../utils/messages';
import { sendMessage } from '../../../utils/send-message';
import { onSettingsChanged } from './data-changes';

type KeyResult = ResponseOf<'content:epic-okrs'>['keyResults'][number];

const MARKS: Record<string, string> = { 'at-risk': '◐ ', 'off-track': '! ' };

export function EpicKeyResults({ groupPath, iid }: { groupPath: string; iid: number }) {
  const [keyResults, setKeyResults] = useState<KeyResult[]>([]);
  useEffect(() => {
    let alive = true;
    const ask = () =>
      sendMessage('content:epic-okrs', { groupPath, iid }).then(
        (answer) => alive && setKeyResults(answer.keyResults),
        () => {
          // Key results are an extra: the strip's own errors say what is wrong.
        },
      );
    void ask();
    const stop = onSettingsChanged(() => void ask());
    return () => {
      alive = false;
      stop();
    };
  }, [groupPath, iid]);
  if (!keyResults.length) return null;
  return (
    <ul className="lens-krs" aria-label="Key results for this epic" data-testid="lens-epic-krs">
      {keyResults.map((kr) => (
        <KeyResultItem key={kr.id} kr={kr} />
      ))}
    </ul>
  );
}

function KeyResultItem({ kr }: { kr: KeyResult }) {
  const tipId = useId();
  const percent = kr.progress === null ? '' : `${Math.round(Math.min(1, Math.max(0, kr.progress)) * 100)}% · `;
  return (
    <li className="lens-kr" data-status={kr.status}>
      <span className="lens-kr__what" tabIndex={0} aria-describedby={tipId}>
        <span className="lens-kr__label">Key result</span> {kr.title} <span className="lens-muted">({kr.objective}, {kr.quarter})</span>: {percent}
        <span className="lens-kr__status">
          {MARKS[kr.status] ? <span aria-hidden="true">{MARKS[kr.status]}</span> : null}
          {kr.statusText}
        </span>
      </span>
      <span id={tipId} role="tooltip" className="lens-tooltip">
        {kr.text}. {kr.explanation}
      </span>
    </li>
  );
}
