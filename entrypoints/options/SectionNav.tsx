import { useEffect, useState, type MouseEvent } from 'react';

export interface NavEntry {
  /** The id of the section's heading (focusable with tabIndex -1). */
  id: string;
  label: string;
  children?: readonly NavEntry[];
}

/** The options page's sections, in page order; each id is its heading's. */
export const OPTIONS_SECTIONS: readonly NavEntry[] = [
  { id: 'connection-heading', label: 'Connection' },
  { id: 'team-heading', label: 'Team' },
  {
    id: 'kpi-heading',
    label: 'KPIs',
    children: [
      { id: 'kpi-failures-heading', label: 'Failures' },
      { id: 'kpi-targets-heading', label: 'Targets' },
    ],
  },
  {
    id: 'allocation-heading',
    label: 'Allocation',
    children: [
      { id: 'allocation-categories-heading', label: 'Categories' },
      { id: 'allocation-rules-heading', label: 'Rules' },
      { id: 'allocation-budget-heading', label: 'Measure and budget' },
    ],
  },
  {
    id: 'dri-heading',
    label: 'Suggested DRI',
    children: [
      { id: 'dri-services-heading', label: 'Service registry' },
      { id: 'dri-capacity-heading', label: 'Capacity' },
      { id: 'dri-simple-heading', label: 'Simple issues and history' },
    ],
  },
  { id: 'survey-heading', label: 'Survey' },
  {
    id: 'okr-heading',
    label: 'OKRs',
    children: [
      { id: 'okr-quarters-heading', label: 'Quarters and status' },
      { id: 'okr-objectives-heading', label: 'Objectives' },
    ],
  },
  { id: 'sync-heading', label: 'Sync' },
  { id: 'shared-heading', label: 'Shared configuration' },
  { id: 'config-file-heading', label: 'Configuration file' },
];

const TOP_LEVEL_IDS = OPTIONS_SECTIONS.map((entry) => entry.id);

/**
 * The table of contents: a link to each section's heading. Following one moves the focus to
 * that heading too, so keyboard and screen reader users continue from there; the section in
 * view is marked `aria-current`.
 */
export function SectionNav() {
  const current = useCurrentSection(TOP_LEVEL_IDS);
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
    history.replaceState(null, '', `#${id}`);
  };
  const link = (entry: NavEntry) => (
    <a href={`#${entry.id}`} onClick={(event) => go(event, entry.id)} aria-current={current === entry.id ? 'location' : undefined}>
      {entry.label}
    </a>
  );
  return (
    <nav aria-label="Sections" className="options-toc">
      <ul>
        {OPTIONS_SECTIONS.map((entry) => (
          <li key={entry.id}>
            {link(entry)}
            {entry.children?.length ? (
              <ul>
                {entry.children.map((child) => (
                  <li key={child.id}>{link(child)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The last section whose heading is in the top third of the viewport (the last one at the page's end). */
function useCurrentSection(ids: readonly string[]): string | undefined {
  const [current, setCurrent] = useState<string | undefined>(ids[0]);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const line = window.innerHeight / 3;
      let found = ids[0];
      for (const id of ids) {
        const heading = document.getElementById(id);
        if (heading && heading.getBoundingClientRect().top <= line) found = id;
      }
      const root = document.documentElement;
      if (root.scrollHeight > window.innerHeight && window.scrollY + window.innerHeight >= root.scrollHeight - 2) {
        found = ids[ids.length - 1];
      }
      setCurrent(found);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [ids]);
  return current;
}
