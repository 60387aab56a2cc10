import { describe, expect, it } from 'vitest';
import { candidateFromForm, formErrorKey, formFromSettings } from '../../../entrypoints/options/form';
import { DEFAULT_SETTINGS, parseSettings, toPublicSettings } from '../../../utils/settings';

describe('options form', () => {
  const saved = toPublicSettings(DEFAULT_SETTINGS);

  it('round-trips saved settings through the form unchanged', () => {
    const candidate = candidateFromForm(formFromSettings(saved));
    const parsed = parseSettings({ ...candidate, token: '' });
    expect(parsed).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('reads failure rules one per line, labels by comma', () => {
    const form = { ...formFromSettings(saved), failureLabelSets: 'incident\n type::bug , severity::1 \n\n' };
    const candidate = candidateFromForm(form) as { kpi: { failureLabelSets: string[][] } };
    expect(candidate.kpi.failureLabelSets).toEqual([['incident'], ['type::bug', 'severity::1']]);
  });

  it('reads outage labels separated by commas or lines', () => {
    expect(formFromSettings(saved).outageLabels).toBe('incident');
    const form = { ...formFromSettings(saved), outageLabels: ' incident, outage \nsev-0,, ' };
    const candidate = candidateFromForm(form) as { kpi: { outageLabels: string[] } };
    expect(candidate.kpi.outageLabels).toEqual(['incident', 'outage', 'sev-0']);
  });

  it('says "Enter a number." for a blank number instead of guessing one', () => {
    const form = { ...formFromSettings(saved), mttrHours: ' ', engineers: '@ada\nbob, carol' };
    const candidate = candidateFromForm(form) as { team: { engineers: string[] } };
    expect(candidate.team.engineers).toEqual(['ada', 'bob', 'carol']);
    const parsed = parseSettings({ ...candidate, token: '' });
    expect(parsed).toEqual({ ok: false, fieldErrors: { 'kpi.targets.mttrHours': 'Enter a number.' } });
  });

  it('puts each settings error next to its field', () => {
    expect(formErrorKey('kpi.targets.mttrHours')).toBe('mttrHours');
    expect(formErrorKey('kpi.timeZone')).toBe('timeZone');
    expect(formErrorKey('kpi.failureLabelSets.1.0')).toBe('failureLabelSets');
    expect(formErrorKey('kpi.outageLabels.0')).toBe('outageLabels');
    expect(formErrorKey('team.projects.2')).toBe('projects');
    expect(formErrorKey('sync.staleAfterMinutes')).toBe('staleAfterMinutes');
    expect(formErrorKey('settings')).toBe('form');
  });
});
