/**
 * Settings section "shared": where the team's shared configuration file lives in GitLab (SPEC
 * §5, §7), and which sections this browser keeps as its own. Never itself shared: it says where
 * the shared file is.
 */
import { z } from 'zod';

/** The sections a shared file provides; connection, sync and this section stay local. */
export const SHARED_SECTIONS = ['team', 'kpi', 'allocation', 'dri', 'survey', 'okr'] as const;
export type SharedSection = (typeof SHARED_SECTIONS)[number];

export const SHARED_SECTION_LABELS: Record<SharedSection, string> = {
  team: 'Team',
  kpi: 'KPIs',
  allocation: 'Allocation',
  dri: 'Suggested DRI',
  survey: 'Survey',
  okr: 'OKRs',
};

export const DEFAULT_SHARED_PATH = '.gitlab/engineering-lens.json';

export const sharedSection = z
  .object({
    /** Project path or id holding the file; empty: no shared configuration. */
    project: z
      .string()
      .trim()
      .regex(/^(?:|\d+|[\w.-]+(?:\/[\w.-]+)+)$/, 'A project path such as group/project, or its id.')
      .default(''),
    /** Branch, tag or commit; empty: the project's default branch. */
    ref: z
      .string()
      .trim()
      .max(255)
      .regex(/^[^\s~^:?*[\\]*$/, 'Not a branch, tag or commit name.')
      .default(''),
    path: z
      .string()
      .trim()
      .min(1, 'Enter the file path, e.g. .gitlab/engineering-lens.json.')
      .max(1024)
      .refine((path) => !path.startsWith('/') && !path.split('/').includes('..'), 'A path inside the repository, e.g. .gitlab/engineering-lens.json.')
      .default(DEFAULT_SHARED_PATH),
    /** Sections this browser keeps as set here, overriding the shared file. */
    local: z.array(z.enum(SHARED_SECTIONS)).default([]),
  })
  .prefault({});

export type SharedSettings = z.output<typeof sharedSection>;
