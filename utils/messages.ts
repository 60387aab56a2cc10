/**
 * Every message between the extension's parts, with zod schemas for request and response.
 * Names say the direction (Dark Reader style): `ui:*` from the popup and options pages,
 * `content:*` from the content script on GitLab pages. The background validates each request
 * and checks the sender (utils/background/router.ts): requests can come from anywhere a bug or
 * a hostile page reaches. Answers come only from our own background, built from these types;
 * callers check the answer's envelope (message-envelope.ts readAnswer) and trust its typed
 * payload, since zod is kept out of the content script bundle (SPEC §9) and the response
 * schemas serve as the answers' types.
 */
// zod/mini: the same schemas at a fraction of the size, which matters for the content script
// bundle (SPEC §9: under 90 KB gzip).
import type { KpiTrend } from './dashboard/trend';
import type { SinceYesterday } from './dashboard/since-yesterday';
import type { KeyResultView, OkrView } from './okr/evaluate';
import * as z from 'zod/mini';

import type { ErrorInfo } from './message-envelope';
import type { PublicSettings } from './settings';

export { SYNC_ENDED_PUSH, SYNC_PROGRESS_PORT, MessageError, isSyncEndedPush, isSyncProgressPush, readAnswer } from './message-envelope';
export type { SyncProgressPush } from './message-envelope';
export type { Answer, ErrorInfo, SyncEndedPush, SyncOutcome } from './message-envelope';

const errorInfoSchema = z.object({ kind: z.string(), message: z.string() }) satisfies z.ZodMiniType<ErrorInfo>;

/**
 * The settings the UI may see: derived from the settings schema (utils/settings), not copied.
 * Answers are not re-validated (see the header), so its type is all the schema needs to carry.
 */
const publicSettingsSchema = z.custom<PublicSettings>();

const fieldErrorsSchema = z.record(z.string(), z.string());

/** A team group or project path that could not be used, with the settings field naming it. */
const teamProblemSchema = z.object({ field: z.string(), path: z.string(), message: z.string() });

const connectionReportSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    gitlabUrl: z.string(),
    user: z.object({ username: z.string(), name: z.string() }),
    token: z.object({
      name: z.nullable(z.string()),
      scopes: z.array(z.string()),
      expiresAt: z.nullable(z.string()),
    }),
  }),
  z.object({ ok: z.literal(false), error: errorInfoSchema, fieldErrors: z.optional(fieldErrorsSchema) }),
]);
export type ConnectionReport = z.infer<typeof connectionReportSchema>;

/**
 * The last connection test (Test connection, or the one Save runs), kept by the background so
 * the options page shows it again after a reload. Never holds the token.
 */
export const connectionCheckSchema = z.object({
  /** The GitLab URL that was tested, normalised. */
  gitlabUrl: z.string(),
  /** When the test ran (ISO). */
  checkedAt: z.string(),
  /** Whether it tested the saved GitLab URL and token (false: values typed but not saved). */
  savedConnection: z.boolean(),
  report: connectionReportSchema,
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

const syncResourceSchema = z.object({
  /** e.g. `issues:project:12`. */
  id: z.string(),
  /** The project's or group's path when known (`lens-demo/web-app`), to name it by. */
  scopePath: z.optional(z.string()),
  status: z.enum(['never', 'running', 'interrupted', 'failed', 'ok']),
  lastSuccessAt: z.nullable(z.string()),
  itemsInRun: z.number(),
  error: z.optional(errorInfoSchema),
  /** Items GitLab sent that could not be read (skipped), e.g. "issue #12: [3].milestone.due_date: …". */
  problems: z.array(z.string()),
});
export type SyncResourceInfo = z.infer<typeof syncResourceSchema>;

const badgeViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  explanation: z.string(),
  status: z.enum(['met', 'near', 'missed', 'neutral']),
  statusLabel: z.optional(z.string()),
  /** KPI badges: the value and the target in the KPI's unit ("62%", "≥ 80%"), for tables. */
  value: z.optional(z.string()),
  target: z.optional(z.string()),
});

/** An allocation split as shown (utils/overview/allocation-view.ts). */
export const allocationViewSchema = z.object({
  summary: z.string(),
  shares: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['product', 'engineering', 'uncategorized']),
      percent: z.number(),
      count: z.number(),
      budgetPercent: z.optional(z.number()),
      text: z.string(),
    }),
  ),
  itemCount: z.number(),
  measureText: z.string(),
  budgetText: z.string(),
  budgetDetail: z.string(),
  budgetStatus: z.enum(['within', 'over', 'under', 'no-data']),
  uncategorized: z.array(z.object({ ref: z.string(), url: z.string() })),
});
export type AllocationViewInfo = z.infer<typeof allocationViewSchema>;

/** One issue's category and why ("label type::maintenance", "inherited from &12"). */
const issueAllocationSchema = z.object({
  category: z.string(),
  kind: z.enum(['product', 'engineering', 'uncategorized']),
  why: z.string(),
});

/** An issue named by its page: project path (and id when the page has it) and iid. */
const issueRefSchema = z.object({ projectPath: z.string(), projectId: z.optional(z.number()), iid: z.number() });

/** A person the Suggested DRI panel shows; `assigned` when already an assignee of the issue. */
const driPersonSchema = z.object({
  userId: z.number(),
  username: z.string(),
  name: z.string(),
  avatarUrl: z.nullable(z.string()),
  webUrl: z.string(),
  assigned: z.boolean(),
});

/** A survey suggestion as the form and the popup show it (utils/survey/outbox.ts states). */
export const outboxItemSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'sending', 'unknown', 'sent', 'failed', 'discarded']),
  title: z.string(),
  category: z.string(),
  createdAt: z.number(),
  /** pending / unknown: when the next attempt is due. */
  nextAttemptAt: z.optional(z.number()),
  /** sent: the created issue. */
  issueUrl: z.optional(z.string()),
  /** failed: why, and what fixes it; pending after errors: the last one. */
  reason: z.optional(z.string()),
  fix: z.optional(z.string()),
  /** The draft, for editing and resending. */
  draft: z.object({
    suggestion: z.string(),
    justification: z.string(),
    category: z.string(),
    relatedIssue: z.optional(z.object({ projectPath: z.string(), iid: z.number(), url: z.string() })),
    surveyProject: z.optional(z.union([z.string(), z.number()])),
  }),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** A submit is accepted (written to the outbox) or refused with field errors; nothing is lost. */
const surveySubmitResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), submission: outboxItemSchema }),
  z.object({ ok: z.literal(false), fieldErrors: z.record(z.string(), z.string()) }),
]);

/** Where a suggestion will be filed, and why submitting cannot work yet (told before submit). */
const surveyContextResponse = z.object({
  /** The survey project setting; for the popup, else the team's only project; null: the form's own. */
  surveyProject: z.nullable(z.string()),
  /** The survey project is the setting (a form cannot choose another). */
  fromSetting: z.boolean(),
  /** Submitting cannot work now (no api scope, not set up); the text is kept regardless. */
  blocked: z.optional(z.string()),
});

/** A form's unsent draft, kept by the background; `set` with null clears it. */
const surveyDraftMessage = {
  request: z.object({ key: z.string().check(z.maxLength(300)), set: z.optional(z.nullable(z.record(z.string(), z.string()))) }),
  response: z.object({ draft: z.nullable(z.record(z.string(), z.string())) }),
};

/** How fresh cached data is: shown next to badges, and `syncing` means an update will be pushed. */
const freshnessSchema = z.object({
  syncedAt: z.nullable(z.string()),
  syncing: z.boolean(),
  error: z.optional(errorInfoSchema),
  /** The scopes (`project:12`, `group:5`) the answer was computed from. */
  scopes: z.array(z.string()),
});
export type FreshnessInfo = z.infer<typeof freshnessSchema>;

/** Where the settings in force came from when the team shares its configuration (shared-config.ts). */
const sharedInfoSchema = z.object({
  source: z.object({ project: z.string(), ref: z.string(), path: z.string() }),
  readRef: z.string(),
  readAt: z.string(),
  inForce: z.array(z.string()),
  local: z.array(z.string()),
  problems: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  error: z.optional(z.string()),
});
export type SharedInfo = z.infer<typeof sharedInfoSchema>;

export const uiMessages = {
  'ui:settings-get': {
    request: z.object({}),
    response: z.object({
      settings: publicSettingsSchema,
      problems: fieldErrorsSchema,
      /** Team paths GitLab no longer knows, by settings field (`team.projects.1`). */
      teamProblems: fieldErrorsSchema,
      /** The shared configuration's last reading, when a location is set. */
      shared: z.optional(z.nullable(sharedInfoSchema)),
    }),
  },
  /** Reads the shared configuration file again now. */
  'ui:shared-config-refresh': { request: z.object({}), response: z.object({ shared: z.nullable(sharedInfoSchema) }) },
  'ui:settings-save': {
    request: z.object({
      /** Candidate settings without the token; `token` empty keeps the saved one. */
      settings: z.record(z.string(), z.unknown()),
      token: z.string(),
    }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), settings: publicSettingsSchema }),
      z.object({ ok: z.literal(false), fieldErrors: fieldErrorsSchema }),
    ]),
  },
  /**
   * The team's allocation split under candidate allocation settings (the options page's live
   * preview): nothing is saved. Invalid candidates answer their field errors instead.
   */
  'ui:allocation-preview': {
    request: z.object({ allocation: z.unknown() }),
    response: z.object({
      view: z.nullable(allocationViewSchema),
      /** Whose issues the preview covers ("lens-demo, last 90 days"), or why there is none. */
      scopeText: z.string(),
      /** The team's data is syncing: a later preview will cover more. */
      syncing: z.optional(z.boolean()),
      fieldErrors: fieldErrorsSchema,
    }),
  },
  /** A survey suggestion from the popup (no issue): written to the outbox, then delivered. */
  'ui:survey-submit': { request: z.object({ draft: z.unknown() }), response: surveySubmitResponse },
  /** The popup form's survey project and whether submitting can work (the api scope). */
  'ui:survey-context': { request: z.object({}), response: surveyContextResponse },
  /** The popup form's unsent draft. */
  'ui:survey-draft': surveyDraftMessage,
  /** A suggestion's state, for the popup form that submitted it. */
  'ui:survey-status': { request: z.object({ id: z.string() }), response: z.object({ submission: z.nullable(outboxItemSchema) }) },
  /**
   * The weekly checkpoint: open suggestions in the survey project (or the team's projects and
   * group when none is set), most upvoted first, optionally of one category.
   */
  'ui:survey-checkpoint': {
    request: z.object({ category: z.optional(z.string().check(z.maxLength(100))) }),
    response: z.object({
      /** Where they were read from (project or group paths). */
      sources: z.array(z.string()),
      suggestions: z.array(
        z.object({
          ref: z.string(),
          title: z.string(),
          url: z.string(),
          category: z.nullable(z.string()),
          author: z.string(),
          createdAt: z.string(),
          upvotes: z.number(),
        }),
      ),
      /** A source had more than its first 100. */
      more: z.boolean(),
      /** Sources that could not be read, or why there are none. */
      problems: z.array(z.string()),
    }),
  },
  /** Every suggestion in the outbox with its state, newest first. */
  'ui:outbox': { request: z.object({}), response: z.object({ submissions: z.array(outboxItemSchema) }) },
  /** Edit and resend (a failed or pending suggestion), or discard it. */
  'ui:outbox-change': {
    request: z.object({ id: z.string(), action: z.enum(['edit', 'discard', 'resend']), draft: z.optional(z.unknown()) }),
    response: z.object({ submission: outboxItemSchema }),
  },
  'ui:connection-test': {
    request: z.object({ gitlabUrl: z.string(), token: z.string() }),
    response: connectionReportSchema,
  },
  /** Removes the saved token and everything cached from GitLab; other settings stay. */
  'ui:forget-token': {
    request: z.object({}),
    response: z.object({ settings: publicSettingsSchema }),
  },
  /** Sync status of every cached resource, for the popup. */
  'ui:sync-status': {
    request: z.object({}),
    response: z.object({ configured: z.boolean(), gitlabUrl: z.string(), resources: z.array(syncResourceSchema) }),
  },
  /** The team's KPIs for the popup (SPEC §7: the popup defaults to the team), from cache. */
  'ui:team-kpis': {
    request: z.object({}),
    response: z.object({
      teamConfigured: z.boolean(),
      /** The team is exactly this page's project or group: no Project/Team switch. */
      teamIsOwn: z.optional(z.boolean()),
      /** The team's groups and projects by path, to name it by. */
      teamPaths: z.optional(z.array(z.string())),
      /** The team's open incidents (outages), oldest first: links to GitLab. */
      incidents: z.optional(
        z.array(z.object({ ref: z.string(), title: z.string(), url: z.string(), openedAt: z.string(), severity: z.nullable(z.string()) })),
      ),
      badges: z.array(badgeViewSchema),
      /** The team's allocation split over the window, against the budget. */
      allocation: z.optional(allocationViewSchema),
      windowDays: z.number(),
      freshness: freshnessSchema,
      /** Team paths GitLab could not resolve; the rest of the team is still counted. */
      problems: z.array(teamProblemSchema),
    }),
  },
  /**
   * The popup's dashboard from the cache: KPI trends over the last six windows, what changed since
   * yesterday, the current quarter's OKRs (null when none is set). Shapes: utils/dashboard and
   * utils/okr/evaluate.ts, made by the background only.
   */
  'ui:dashboard': {
    request: z.object({}),
    response: z.object({ trends: z.custom<KpiTrend>(), sinceYesterday: z.custom<SinceYesterday>(), okrs: z.nullable(z.custom<OkrView>()) }),
  },
  /** Syncs the configured team's group and projects now; answers when done. */
  'ui:sync-now': {
    request: z.object({}),
    response: z.object({ scopes: z.number(), ok: z.boolean() }),
  },
  /**
   * What the OKR editor's pickers offer, from the cache (no request to GitLab): the cached epics
   * (group path, iid, title) and the distinct labels of the team's cached issues, sorted. Empty
   * lists when nothing is synced or the extension is not set up.
   */
  'ui:okr-pickers': {
    request: z.object({}),
    response: z.object({
      epics: z.array(z.object({ group: z.string(), iid: z.number(), title: z.string() })),
      labels: z.array(z.string()),
    }),
  },
  /** The last connection test the background kept, for the options page; null when none is. */
  'ui:connection-check': {
    request: z.object({}),
    response: z.object({ check: z.nullable(connectionCheckSchema) }),
  },
} as const;


/** Which board: a project board names its project, a group board its group (utils/page/detect.ts). */
const boardScopeSchema = z.object({
  projectPath: z.optional(z.string()),
  /** From body[data-project-id] when the page has it: saves resolving the path. */
  projectId: z.optional(z.number()),
  groupPath: z.optional(z.string()),
  /** An epic board (`/groups/<g>/-/epic_boards/<id>`): its cards are the group's epics. */
  epicBoard: z.optional(z.boolean()),
});

export const contentMessages = {
  'content:status': {
    request: z.object({}),
    response: z.object({ configured: z.boolean(), gitlabUrl: z.string() }),
  },
  'content:open-options': { request: z.object({}), response: z.object({}) },
  /** How the user left our UI (the issue strip's KPI line open or folded), for every tab. */
  'content:ui-prefs': { request: z.object({}), response: z.object({ kpisOpen: z.boolean(), driOpen: z.boolean() }) },
  'content:set-ui-prefs': { request: z.object({ kpisOpen: z.optional(z.boolean()), driOpen: z.optional(z.boolean()) }), response: z.object({}) },
  /** Badges of an issue page (or drawer) and the KPIs of its project, from cache. */
  'content:issue-overview': {
    request: z.object({
      projectPath: z.string(),
      /** From body[data-project-id] when the page has it: saves resolving the path. */
      projectId: z.optional(z.number()),
      iid: z.number(),
      /** Whose KPIs go beside the issue's badges: its project's (default) or the team's. */
      kpiScope: z.optional(z.enum(['project', 'team'])),
    }),
    response: z.object({
      issue: z.array(badgeViewSchema),
      kpis: z.array(badgeViewSchema),
      kpiScope: z.enum(['project', 'team']),
      /** Whether a team (group or projects) is configured, so the Team view can be offered. */
      teamConfigured: z.boolean(),
      /** The team is exactly this page's project or group: no Project/Team switch. */
      teamIsOwn: z.optional(z.boolean()),
      projectPath: z.string(),
      windowDays: z.number(),
      freshness: freshnessSchema,
      /** The issue's allocation category and why (SPEC §3). */
      allocation: z.optional(issueAllocationSchema),
    }),
  },
  /** Badges of an epic page over the issues of the epic and its child epics (group scope, cache first). */
  'content:epic-overview': {
    request: z.object({ groupPath: z.string(), iid: z.number() }),
    response: z.object({
      badges: z.array(badgeViewSchema),
      windowDays: z.number(),
      freshness: freshnessSchema,
      /** The allocation split of the same issues, against the budget. */
      allocation: z.optional(allocationViewSchema),
      /**
       * On a top epic, the status table of its child epics (utils/overview/top-epic.ts
       * `topEpicTable`: rows by due date and the health rule in words); null without child epics.
       */
      topEpic: z.nullable(
        z.object({
          rows: z.array(
            z.object({
              ref: z.string(),
              title: z.string(),
              url: z.string(),
              progress: z.object({ value: z.number(), text: z.string(), by: z.enum(['weight', 'count']) }),
              onTime: z.nullable(z.object({ text: z.string(), status: z.enum(['met', 'near', 'missed', 'neutral']), explanation: z.string() })),
              dueDate: z.nullable(z.string()),
              startDate: z.nullable(z.string()),
              allocation: z.nullable(z.string()),
              health: z.enum(['on track', 'at risk', 'off track', 'done', 'no dates']),
              healthWhy: z.string(),
            }),
          ),
          legend: z.string(),
        }),
      ),
    }),
  },
  /**
   * Suggested DRI for an issue (SPEC §4): up to three people with the reasons in words, and
   * onboarding candidates for a simple issue. From the cache, plus CODEOWNERS evidence from the
   * issue's related merge requests (their changed paths, asked once each).
   */
  'content:suggested-dri': {
    request: issueRefSchema,
    response: z.object({
      suggestions: z.array(
        z.extend(driPersonSchema, {
          /** 0–100: this person's evidence against the strongest suggestion's. */
          score: z.number(),
          reasons: z.array(z.string()),
          atCapacity: z.boolean(),
        }),
      ),
      onboarding: z.array(z.extend(driPersonSchema, { joinedDaysAgo: z.number() })),
      /** The issue counts as simple (a simple label, or a small weight). */
      simple: z.boolean(),
      /** Whether Assign can work: a token with the `api` scope; else why not. */
      assign: z.object({ allowed: z.boolean(), reason: z.optional(z.string()) }),
      /** What the evidence could not use (a CODEOWNERS line skipped, an owner group not readable). */
      notes: z.array(z.string()),
      freshness: freshnessSchema,
    }),
  },
  /** The current quarter's key results linked to this epic, with progress and status. */
  'content:epic-okrs': {
    request: z.object({ groupPath: z.string().check(z.maxLength(500)), iid: z.number() }),
    response: z.object({ keyResults: z.array(z.custom<KeyResultView & { objective: string; quarter: string }>()) }),
  },
  /** A suggestion's state, for the form that submitted it (pending, sent with its link, failed). */
  'content:survey-status': { request: z.object({ id: z.string() }), response: z.object({ submission: z.nullable(outboxItemSchema) }) },
  /**
   * The form's unsent draft for an issue, kept by the background (never in the page's storage):
   * it survives closing the form, the tab or the browser. `set` with null clears it.
   */
  'content:survey-draft': surveyDraftMessage,
  /** Where the issue page's suggestion will be filed when a survey project is set, and whether submitting can work. */
  'content:survey-context': { request: z.object({}), response: surveyContextResponse },
  /** A survey suggestion from an issue page: written to the outbox, then delivered. */
  'content:survey-submit': { request: z.object({ draft: z.unknown() }), response: surveySubmitResponse },
  /**
   * Assigns a suggested person (a click on Assign in our panel): PUT the issue's assignee_ids,
   * replacing the assignees or adding to them. The person must be a member the panel offered.
   */
  'content:assign-issue': {
    request: z.extend(issueRefSchema, { userId: z.number(), mode: z.enum(['replace', 'add']) }),
    response: z.object({ assignees: z.array(z.object({ username: z.string(), name: z.string() })) }),
  },
  /**
   * Whether a group's `/-/work_items/<iid>` is an epic (GitLab 18.x serves group-level issues and
   * tasks at the same URL): from the cache, else one epics API request.
   */
  'content:group-work-item': {
    request: z.object({ groupPath: z.string(), iid: z.number() }),
    response: z.object({ epic: z.boolean() }),
  },
  /** Team KPIs of a board's scope: its project on a project board, its group on a group board. */
  'content:board-overview': {
    request: z.extend(boardScopeSchema, {
      /** The board's own scope (default) or the configured team. */
      kpiScope: z.optional(z.enum(['board', 'team'])),
    }),
    response: z.object({
      badges: z.array(badgeViewSchema),
      /** The project or group path of the board. */
      scopePath: z.string(),
      kpiScope: z.enum(['board', 'team']),
      teamConfigured: z.boolean(),
      /** The team is exactly this page's project or group: no Project/Team switch. */
      teamIsOwn: z.optional(z.boolean()),
      windowDays: z.number(),
      freshness: freshnessSchema,
    }),
  },
  /**
   * The allocation split of a board (SPEC §3): overall and per list, over exactly the issues its
   * lists hold by GitLab's list rules (all lists, Closed included). Lists are keyed `backlog`,
   * `closed` or the API list id; the page maps its `data-list-id` columns onto them.
   */
  'content:board-allocation': {
    request: z.extend(boardScopeSchema, { boardId: z.optional(z.number()) }),
    response: z.object({
      board: z.nullable(allocationViewSchema),
      lists: z.array(z.object({ key: z.union([z.literal('backlog'), z.literal('closed'), z.number()]), view: allocationViewSchema })),
      /** The API ids of the board's own lists, for mapping the page's columns. */
      listIds: z.array(z.number()),
      /** What the split could not follow (iteration lists, special milestone scopes). */
      caveats: z.array(z.string()),
      /**
       * Open weight (or count) per assignee against their capacity (utils/overview/capacity.ts):
       * `text` is "Capacity by weight: ava.chen 12/10 ! over · bo 4/10 · unassigned 5", cut into
       * `label` and `parts` for the bar. Null when nobody on the board has open assigned work.
       */
      capacity: z.nullable(
        z.object({
          text: z.string(),
          label: z.string(),
          parts: z.array(z.object({ text: z.string(), over: z.boolean() })),
          overCount: z.number(),
          explanation: z.string(),
        }),
      ),
      freshness: freshnessSchema,
    }),
  },
  /**
   * Badges of many board cards in one round trip (SPEC §9: 1,000 cards). Keys are the cards'
   * `data-item-path` (`group/project#12`); cards whose issue is not cached yet are left out.
   */
  'content:board-cards': {
    request: z.object({
      board: boardScopeSchema,
      cards: z.array(z.string()).check(z.maxLength(5000)),
      /**
       * Also answer for the scope's likely cards (open issues, and those closed within the KPI
       * window) before the board has rendered them, so badges can go in with the cards.
       */
      prefetch: z.optional(z.boolean()),
    }),
    response: z.object({
      cards: z.record(z.string(), z.array(badgeViewSchema)),
      /** The board's scope (`project:12`): a push for it means new data for the cards. */
      scopes: z.array(z.string()),
      /** The scope has synced: a card left out has nothing to say (before, its data may come). */
      complete: z.boolean(),
    }),
  },
} as const;


export const allMessages = { ...uiMessages, ...contentMessages };
export type MessageName = keyof typeof allMessages;
export type RequestOf<N extends MessageName> = z.input<(typeof allMessages)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<(typeof allMessages)[N]['response']>;

/** The wire envelope. Answers are `{ ok: true, data }` or `{ ok: false, error }`. */
export const envelopeSchema = z.object({ name: z.string(), payload: z.unknown() });

export function isUiMessage(name: string): name is keyof typeof uiMessages {
  return Object.hasOwn(uiMessages, name);
}
export function isContentMessage(name: string): name is keyof typeof contentMessages {
  return Object.hasOwn(contentMessages, name);
}

