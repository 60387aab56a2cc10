/**
 * The popup's dashboard parts (SPEC §7): a sparkline per KPI over the last six windows, what
 * changed since yesterday, and the quarter's OKRs. All text from GitLab is rendered as text.
 */
import { useId } from 'react';
import type { ResponseOf } from '../../utils/messages';
import { sparklinePoints } from '../../utils/dashboard/trend';

type Dashboard = ResponseOf<'ui:dashboard'>;
type Series = Dashboard['trends']['series'][number];

const SPARK_W = 56;
const SPARK_H = 18;

/** Six windows of one KPI: the line, the target as a dotted line, the values in words for screen readers. */
export function Sparkline({ series, windowDays }: { series: Series; windowDays: number }) {
  const shape = sparklinePoints(series.values, SPARK_W, SPARK_H, { target: series.target });
  const words = series.points.map((point) => (point.value === null ? 'no data' : point.display.replace(/^[^\d-]*/, '').trim() || point.display)).join(', ');
  return (
    <span className="kpi-list__trend" data-testid={`trend-${series.kpi}`}>
      <svg width={SPARK_W} height={SPARK_H} viewBox={`-2 -2 ${SPARK_W + 4} ${SPARK_H + 4}`} aria-hidden="true" focusable="false">
        {shape.targetY !== null ? <line className="spark__target" x1={0} x2={SPARK_W} y1={shape.targetY} y2={shape.targetY} /> : null}
        {shape.segments.map((segment) =>
          segment.includes(' ') ? <polyline key={segment} className="spark__line" points={segment} /> : <circle key={segment} className="spark__dot" cx={segment.split(',')[0]} cy={segment.split(',')[1]} r={1.5} />,
        )}
      </svg>
      <span className="visually-hidden">
        . Last {series.values.length} windows of {windowDays} days, oldest first: {words}
      </span>
    </span>
  );
}

const CHANGE_KINDS = [
  ['issuesClosed', 'issues closed', 'issue closed'],
  ['becameOverdue', 'became overdue', 'became overdue'],
  ['incidentsOpened', 'incidents opened', 'incident opened'],
  ['incidentsClosed', 'incidents closed', 'incident closed'],
  ['mrsMerged', 'MRs merged', 'MR merged'],
] as const;

/** "Since yesterday: 3 issues closed · 1 became overdue …", each list of links folded away. */
export function SinceYesterdayPanel({ changes }: { changes: Dashboard['sinceYesterday'] }) {
  const kinds = CHANGE_KINDS.filter(([key]) => changes[key].total > 0);
  return (
    <details className="popup__details since" data-testid="since-yesterday">
      <summary>
        Since yesterday:{' '}
        {kinds.length ? kinds.map(([key, many, one]) => `${changes[key].total} ${changes[key].total === 1 ? one : many}`).join(' · ') : 'no changes'}
      </summary>
      {kinds.map(([key, many]) => (
        <section key={key} className="since__kind" aria-label={many}>
          <h3>
            {changes[key].total} {many}
          </h3>
          <ul>
            {changes[key].items.map((item) => (
              <li key={`${item.ref}-${item.at}`}>
                {item.url ? (
                  <a href={item.url} target="_blank" rel="noreferrer">
                    {item.ref} {item.title}
                  </a>
                ) : (
                  `${item.ref} ${item.title}`
                )}
              </li>
            ))}
          </ul>
          {changes[key].total > changes[key].items.length ? <p className="lens-muted">and {changes[key].total - changes[key].items.length} more</p> : null}
        </section>
      ))}
    </details>
  );
}

const STATUS_MARKS = { 'on-track': '', 'at-risk': '◐ ', 'off-track': '! ', unknown: '' } as const;

/** The quarter's objectives and key results: a bar, the numbers, the status in words. */
export function OkrPanel({ okrs, onOpenSettings }: { okrs: Dashboard['okrs'] | undefined; onOpenSettings: () => void }) {
  if (okrs === undefined) return <p className="lens-muted">Loading OKRs…</p>;
  if (!okrs) {
    return (
      <p className="lens-muted">
        No OKRs for this quarter yet.{' '}
        <button type="button" className="popup__link" onClick={onOpenSettings}>
          Set them up in the settings
        </button>
      </p>
    );
  }
  return (
    <section className="okrs" aria-labelledby="okrs-heading" data-testid="okrs">
      <h2 id="okrs-heading">
        OKRs · {okrs.quarter.label} <span className="lens-muted">· {Math.round(okrs.elapsed * 100)}% of the quarter gone</span>
      </h2>
      <ul className="okrs__objectives">
        {okrs.objectives.map((objective) => (
          <li key={objective.id} className="okrs__objective" data-status={objective.status}>
            <ProgressRow title={objective.title} bar={objective.bar} progress={objective.progress} status={objective.status} statusText={objective.statusText} strong />
            <ul className="okrs__krs">
              {objective.keyResults.map((kr) => (
                <li key={kr.id} data-testid={`kr-${kr.id}`} data-status={kr.status}>
                  <ProgressRow title={kr.title} bar={kr.bar} progress={kr.progress} status={kr.status} statusText={kr.statusText} detail={kr.text} explanation={kr.explanation} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProgressRow(props: { title: string; bar: number; progress: number | null; status: keyof typeof STATUS_MARKS; statusText: string; detail?: string; explanation?: string; strong?: boolean }) {
  const explanationId = useId();
  const percent = props.progress === null ? '' : `${Math.round(Math.min(1, Math.max(0, props.progress)) * 100)}%`;
  return (
    <div className={`okr-row${props.strong ? ' okr-row--objective' : ''}`} tabIndex={props.explanation ? 0 : undefined} title={props.explanation} aria-describedby={props.explanation ? explanationId : undefined}>
      <span className="okr-row__title">{props.title}</span>
      <span className="okr-row__bar" aria-hidden="true">
        <span style={{ width: `${Math.round(props.bar * 100)}%` }} />
      </span>
      <span className="okr-row__numbers">
        {props.progress === null ? '' : `${percent} · `}
        <span className="okr-row__status">{STATUS_MARKS[props.status] ? <span aria-hidden="true">{STATUS_MARKS[props.status]}</span> : null}{props.statusText}</span>
      </span>
      {props.detail ? <span className="okr-row__detail lens-muted">{props.detail}</span> : null}
      {props.explanation ? (
        <span id={explanationId} className="visually-hidden">
          {props.explanation}
        </span>
      ) : null}
    </div>
  );
}
