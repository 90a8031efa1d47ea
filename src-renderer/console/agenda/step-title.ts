import type { Agenda, AgendaStep } from '../../../src-shared/operations-config';
import type { Preset } from '../../../src-shared/domain';
import type { Translate } from '../../i18n/translate';

/** A step's name for the console: its title, else its preset's name, else its note, else "Bước 3". */
export function stepTitle(step: AgendaStep, index: number, presets: readonly Preset[], t: Translate): string {
  if (step.title) return step.title;
  const preset = step.presetId ? presets.find((p) => p.id === step.presetId) : undefined;
  return preset?.name ?? step.note ?? t('desk.agenda.stepN', { n: index + 1 });
}

/** The agenda's total planned time in seconds, or null when a step waits for an operator. */
export function plannedSeconds(agenda: Agenda): number | null {
  let total = 0;
  for (const step of agenda.steps) {
    if (step.dwellSeconds === undefined) return null;
    total += step.dwellSeconds;
  }
  return total;
}
