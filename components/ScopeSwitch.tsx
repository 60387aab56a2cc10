export type KpiScope = 'project' | 'team';

interface ScopeSwitchProps {
  value: KpiScope;
  onChange: (scope: KpiScope) => void;
  /** Full path of the project, for the Project button's description. */
  projectPath: string;
  teamConfigured: boolean;
}

/** Project KPIs or Team KPIs (SPEC §2: switchable on every KPI view). */
export function ScopeSwitch({ value, onChange, projectPath, teamConfigured }: ScopeSwitchProps) {
  return (
    <span className="lens-scope-switch" role="group" aria-label="KPI scope">
      <button type="button" aria-pressed={value === 'project'} title={`KPIs of ${projectPath}`} onClick={() => onChange('project')}>
        Project
      </button>
      <button
        type="button"
        aria-pressed={value === 'team'}
        disabled={!teamConfigured}
        title={teamConfigured ? "KPIs of the team's group and projects" : 'Add the team (group or projects) in the settings first'}
        onClick={() => onChange('team')}
      >
        Team
      </button>
    </span>
  );
}
