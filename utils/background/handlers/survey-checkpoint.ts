/**
 * The weekly checkpoint (SPEC §6): the open suggestions, most upvoted first, read live from GitLab
 * (the sync does not keep other projects' issues, and upvotes move all week). From the survey
 * project when one is set, else from the team's group and projects, where suggestions made on
 * issue pages land.
 */
import type { GitLabIssue } from '../../gitlab/schemas';
import { categoryLabel, categoryOfLabels, SUGGESTION_LABEL, SURVEY_CATEGORIES, type SurveyCategory } from '../../survey/submission';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { teamPaths } from '../scopes';

export function createCheckpointHandlers(data: Pick<DataService, 'context'>): Pick<Handlers, 'ui:survey-checkpoint'> {
  return {
    'ui:survey-checkpoint': async ({ category }) => {
      const { settings, client } = await data.context();
      const sources = settings.survey.project
        ? [{ kind: 'project' as const, path: settings.survey.project }]
        : teamPaths(settings).map(({ kind, path }) => ({ kind, path }));
      if (!sources.length) {
        return { sources: [], suggestions: [], more: false, problems: ['Set the survey project, or the team, in Engineering Lens settings.'] };
      }
      const known = SURVEY_CATEGORIES.find((candidate) => candidate === category);
      const labels = [SUGGESTION_LABEL, ...(known ? [categoryLabel(known)] : [])];
      const results = await Promise.allSettled(sources.map((source) => client.mostUpvotedIssues({ kind: source.kind, id: source.path }, { labels, state: 'opened' })));
      const byId = new Map<number, GitLabIssue>();
      const problems: string[] = [];
      let more = false;
      results.forEach((result, index) => {
        if (result.status === 'rejected') {
          problems.push(`${sources[index]!.path}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`);
          return;
        }
        more ||= result.value.more;
        // A group lists its projects' issues too: each suggestion once.
        for (const issue of result.value.items) byId.set(issue.id, issue);
      });
      const suggestions = [...byId.values()]
        .sort((a, b) => b.upvotes - a.upvotes || Date.parse(a.created_at) - Date.parse(b.created_at))
        .map((issue) => ({
          ref: issue.references?.full ?? `#${issue.iid}`,
          title: issue.title,
          url: issue.web_url,
          category: categoryOfLabels(issue.labels) satisfies SurveyCategory | null,
          author: issue.author.name || issue.author.username,
          createdAt: issue.created_at,
          upvotes: issue.upvotes,
        }));
      return { sources: sources.map((source) => source.path), suggestions, more, problems };
    },
  };
}
