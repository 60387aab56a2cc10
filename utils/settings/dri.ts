/**
 * Settings section "dri" (SPEC §4): the service registry (who is DRI for which shared service,
 * and the labels and words that name it), capacity for the load check, what makes an issue
 * simple, and the look-back windows. The registry ships empty; `SEED_SERVICES`
 * (utils/dri/services.ts) is the options page's one-click starting point. Settings saved before
 * this section existed get the defaults.
 */
import { z } from 'zod';

const number = () => z.number({ error: 'Enter a number.' });

/**
 * GitLab's username rule (Gitlab::PathRegex::NAMESPACE_FORMAT_REGEX): letters, digits, `_`, `-`
 * and `.`; not starting with `-`, not ending in `.`, `.git` or `.atom`; at most 255 characters.
 */
export function isGitLabUsername(value: string): boolean {
  return value.length <= 255 && /^(?:[a-zA-Z0-9_.][a-zA-Z0-9_.-]*[a-zA-Z0-9_-]|[a-zA-Z0-9_])$/.test(value) && !/\.(?:git|atom)$/i.test(value);
}

/** A username as typed: trimmed, one leading `@` dropped (`@ada` → `ada`). */
export const usernameField = z
  .string({ error: 'Enter a username.' })
  .trim()
  .transform((value) => value.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .min(1, 'Enter a username.')
      .refine(isGitLabUsername, 'Not a GitLab username: letters, digits, "_", "-" and "." only, not starting with "-" or ending in ".".'),
  );

/** First spelling of each value, compared case-insensitively (labels and usernames are). */
function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const labelField = z.string({ error: 'Enter a label.' }).trim().min(1, 'A label cannot be blank.').max(255, 'At most 255 characters.');
const wordField = z.string({ error: 'Enter a word.' }).trim().min(1, 'A word cannot be blank.').max(100, 'At most 100 characters.');

const serviceSchema = z.object({
  name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(60, 'At most 60 characters.'),
  /** Usernames of the service's DRIs; at least one (checked below, so a missing list says so). */
  dris: z.array(usernameField, { error: 'Enter a list of usernames.' }).max(20, 'At most 20 DRIs.').default([]).transform(uniqueIgnoringCase),
  /** Labels that name the service (`Service::Redis`), compared case-insensitively. */
  labels: z.array(labelField, { error: 'Enter a list of labels.' }).max(50, 'At most 50 labels.').default([]).transform(uniqueIgnoringCase),
  /** Words that name it in an issue's title or description, matched as whole words, any case. */
  words: z.array(wordField, { error: 'Enter a list of words.' }).max(50, 'At most 50 words.').default([]).transform(uniqueIgnoringCase),
});

export const CAPACITY_UNITS = ['milestone', 'week'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

const capacityWeight = () => number().positive('Must be more than 0.').max(1000, 'At most 1000.');

const capacitySchema = z
  .object({
    /** Open weight a person can carry when the list below does not name them. */
    defaultWeight: capacityWeight().default(10),
    /**
     * What the capacity is per. The load check compares it with the open assigned weight the
     * caller counts (for `milestone`, the current milestone's issues; for `week`, what is due).
     */
    unit: z.enum(CAPACITY_UNITS, { error: 'Choose milestone or week.' }).default('milestone'),
    people: z
      .array(z.object({ username: usernameField, weight: capacityWeight() }), { error: 'Enter a list of people.' })
      .max(500, 'At most 500 people.')
      .default([]),
  })
  .prefault({});

export const driSection = z
  .object({
    services: z.array(serviceSchema, { error: 'Enter a list of services.' }).max(100, 'At most 100 services.').default([]),
    capacity: capacitySchema,
    /** Labels that make an issue simple (onboarding work), compared case-insensitively. */
    simpleLabels: z.array(labelField, { error: 'Enter a list of labels.' }).default(['good first issue']).transform(uniqueIgnoringCase),
    /** An issue with a weight at most this is simple too. */
    simpleMaxWeight: number().int('Enter a whole number.').min(0, 'At least 0.').max(100, 'At most 100.').default(1),
    /** Members whose membership is at most this old are onboarding candidates. */
    onboardingDays: number().int('Enter a whole number of days.').min(1, 'At least 1 day.').max(365, 'At most 365 days.').default(30),
    /** How far back closed issues and merged MRs count as history. */
    historyDays: number().int('Enter a whole number of days.').min(7, 'At least 7 days.').max(730, 'At most 730 days.').default(180),
  })
  .superRefine((section, ctx) => {
    const names = new Set<string>();
    section.services.forEach((service, index) => {
      const name = service.name.toLowerCase();
      if (names.has(name)) ctx.addIssue({ code: 'custom', path: ['services', index, 'name'], message: 'Two services have this name.' });
      names.add(name);
      if (service.dris.length === 0) ctx.addIssue({ code: 'custom', path: ['services', index, 'dris'], message: 'Name at least one DRI.' });
      if (service.labels.length === 0 && service.words.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'labels'], message: 'Add a label or a word that names this service.' });
      }
    });
    const people = new Set<string>();
    section.capacity.people.forEach((person, index) => {
      const key = person.username.toLowerCase();
      if (people.has(key)) ctx.addIssue({ code: 'custom', path: ['capacity', 'people', index, 'username'], message: 'This person already has a capacity.' });
      people.add(key);
    });
  })
  .prefault({});

export type DriSettings = z.output<typeof driSection>;
export type DriService = DriSettings['services'][number];
export type DriCapacity = DriSettings['capacity'];
