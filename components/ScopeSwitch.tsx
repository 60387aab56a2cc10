/** Whose KPIs a view shows: its own scope (the project, or a group board's group) or the team's. */
export type ScopeChoice = 'own' | 'team';

interface ScopeSwitchProps {
  value: ScopeChoice;
  onChange: (scope: ScopeChoice) => void;
  /** "Project" or "Group". */
  ownLabel: string;
  /** Full path of that project or group, for the button's description. */
  ownPath: string;
  teamConfigured: boolean;
}

/** Project (or group) KPIs or Team KPIs (SPEC §2: switchable on every KPI view). */
export function ScopeSwitch({ value, onChange, ownLabel, ownPath, teamConfigured }: ScopeSwitchProps) {
  return (
    <span className="lens-scope-switch" role="group" aria-label="KPI scope">
      <button type="button" aria-pressed={value === 'own'} title={`KPIs of ${ownPath}`} onClick={() => onChange('own')}>
        {ownLabel}
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
