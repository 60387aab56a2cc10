/**
 * A badge strip filled by the background: loading, "not set up" and error states, the badges,
 * and how fresh they are. Used by the issue page, the drawer, the epic page and the board bar.
 */
import type { ReactNode } from 'react';
import { BadgeList } from '../../../components/BadgeList';
import { FreshnessNote } from '../../../components/FreshnessNote';
import { LensRow, SetupPrompt, type LastLineWidth } from '../../../components/LensRow';
import type { FreshnessInfo } from '../../../utils/messages';
import type { BadgeView } from '../../../utils/overview/badge-view';
import { sendMessage } from '../../../utils/send-message';
import { useBackgroundAnswer } from './use-background-answer';

interface BackgroundStripProps<T extends { freshness: FreshnessInfo }> {
  /** Accessible name of the strip. */
  label: string;
  load: () => Promise<T>;
  /** An answer already at hand: shown in the first render, without asking. */
  initial?: T | null;
  /** The badges; `freshness` is the note on how fresh they are, placed where the layout wants it. */
  render: (data: T, freshness: ReactNode) => ReactNode;
  lines?: number;
  lastLineWidth?: LastLineWidth;
  narrowLines?: number;
}

export function BackgroundStrip<T extends { freshness: FreshnessInfo }>({ label, load, initial, render, lines, lastLineWidth, narrowLines }: BackgroundStripProps<T>) {
  const answer = useBackgroundAnswer(load, initial);
  return (
    <LensRow label={label} lines={lines} lastLineWidth={lastLineWidth} narrowLines={narrowLines}>
      {answer.status === 'loading' ? <span className="lens-muted">Loading…</span> : null}
      {answer.status === 'error' ? (
        answer.error.kind === 'not-configured' ? (
          <SetupPrompt onOpenOptions={() => void sendMessage('content:open-options', {})} />
        ) : (
          <span className="lens-muted" role="status">
            Engineering Lens: {answer.error.message}
          </span>
        )
      ) : null}
      {answer.status === 'ready' ? render(answer.data, <FreshnessNote {...answer.data.freshness} now={answer.receivedAt} />) : null}
    </LensRow>
  );
}

interface KpiAnswer {
  badges: BadgeView[];
  windowDays: number;
  freshness: FreshnessInfo;
}

export function KpiStrip<T extends KpiAnswer>({ label, load }: { label: string; load: () => Promise<T> }) {
  return (
    <BackgroundStrip
      label={label}
      load={load}
      render={(data, freshness) => (
        <>
          <BadgeList badges={data.badges} />
          {freshness}
        </>
      )}
    />
  );
}
