import { useId } from 'react';
import type { ResponseOf } from '../utils/messages';

export type TopEpicTableView = NonNullable<ResponseOf<'content:epic-overview'>['topEpic']>;
type Row = TopEpicTableView['rows'][number];

/** What a health word needs beyond the word: a drawn mark for the two that need attention. */
const HEALTH_STATUS: Record<Row['health'], 'missed' | 'near' | 'neutral'> = {
  'off track': 'missed',
  'at risk': 'near',
  'on track': 'neutral',
  done: 'neutral',
  'no dates': 'neutral',
};

/**
 * The status table of a top epic (SPEC §1 epic row): one row per child epic with its progress,
 * On-time, due date, allocation split and health word. A plain table, neutral like Pajamas'
 * tables: only "off track" is red, and it carries a mark and its word too, so colour is never the
 * only signal. The why of each health word and each On-time sample are descriptions shown on
 * hover and keyboard focus. GitLab's text (titles) arrives as React children, never as HTML.
 */
export function TopEpicTable({ view }: { view: TopEpicTableView }) {
  const legendId = useId();
  return (
    <div className="lens-top-epic" data-testid="lens-top-epic">
      <table className="lens-table" aria-describedby={legendId}>
        <caption>Child epics</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Progress</th>
            <th scope="col">On-time</th>
            <th scope="col">Due</th>
            <th scope="col">Allocation</th>
            <th scope="col">Health</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.url}>
              <th scope="row" className="lens-table__title">
                {isWebLink(row.url) ? <a href={row.url}>{row.title}</a> : row.title} <span className="lens-muted lens-table__ref">{row.ref}</span>
              </th>
              <td>
                <span className="lens-progress" aria-hidden="true">
                  <span className="lens-progress__fill" style={{ width: `${Math.round(Math.min(1, Math.max(0, row.progress.value)) * 100)}%` }} />
                </span>
                {row.progress.text}
              </td>
              <td>
                {row.onTime ? (
                  <Described text={row.onTime.text.replace(/^On-time:? /, '')} description={row.onTime.explanation} status={row.onTime.status} alert={row.onTime.status === 'missed'} />
                ) : (
                  <span className="lens-muted">—</span>
                )}
              </td>
              <td>{row.dueDate ? <time dateTime={row.dueDate}>{row.dueDate}</time> : <span className="lens-muted">none</span>}</td>
              <td>{row.allocation ? <Split text={row.allocation} /> : <span className="lens-muted">—</span>}</td>
              <td>
                <Described text={row.health} description={row.healthWhy} status={HEALTH_STATUS[row.health]} alert={row.health === 'off track'} testId="lens-top-epic-health" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={legendId} className="lens-top-epic__legend lens-muted">
        {view.legend}
      </p>
    </div>
  );
}

/** Only http(s) URLs become links: a cached `javascript:` URL from a hostile server stays text (Preact does not block it). */
function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * A value with its explanation: focusable, described by the tooltip beside it (shown on hover and
 * focus, as the badges' are). The status is drawn as a mark (overlay.css) and said in words by the
 * value itself (health) or its description (On-time); `alert` is red, as for the strip's badges:
 * a missed On-time and off track.
 */
function Described({ text, description, status, alert = false, testId }: { text: string; description: string; status: 'met' | 'near' | 'missed' | 'neutral'; alert?: boolean; testId?: string }) {
  const id = useId();
  return (
    <span className="lens-described">
      <span className="lens-cell-value" tabIndex={0} aria-describedby={id} data-status={status} data-alert={alert} data-testid={testId}>
        {text}
      </span>
      <span className="lens-tooltip" id={id} role="tooltip">
        {description}
      </span>
    </span>
  );
}

/** "Feature 60% · Maintenance 40%", wrapping only after a separator, never inside a share. */
function Split({ text }: { text: string }) {
  const parts = text.split(' · ');
  return (
    <>
      {parts.map((part, index) =>
        index < parts.length - 1 ? (
          <span key={index}>
            <span className="lens-nowrap">{`${part} ·`}</span>{' '}
          </span>
        ) : (
          <span key={index} className="lens-nowrap">
            {part}
          </span>
        ),
      )}
    </>
  );
}
