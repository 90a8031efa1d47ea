import type { Agenda, AgendaStep } from '../../../src-shared/operations-config';
import type { Preset } from '../../../src-shared/domain';
import { localized, nameIn } from '../../i18n/data-text';
import type { Translate } from '../../i18n/translate';

/** A step's name for the console, in the UI language: its title, else its preset's name, else its note, else "Bước 3". */
export function stepTitle(step: AgendaStep, index: number, presets: readonly Preset[], t: Translate): string {
  if (step.title) return localized(step.title, step.titleEn, t.language);
  const preset = step.presetId ? presets.find((p) => p.id === step.presetId) : undefined;
  if (preset) return nameIn(preset, t.language);
  return step.note ? localized(step.note, step.noteEn, t.language) : t('desk.agenda.stepN', { n: index + 1 });
}

/** A step's note for the chair, in the UI language. */
export function stepNote(step: AgendaStep, t: Translate): string | undefined {
  return step.note === undefined ? undefined : localized(step.note, step.noteEn, t.language);
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
