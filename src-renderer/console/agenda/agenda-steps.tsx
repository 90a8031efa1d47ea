import type { Preset } from '../../../src-shared/domain';
import type { Agenda } from '../../../src-shared/operations-config';
import { formatDuration } from '../../format/age';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { stepNote, stepTitle } from './step-title';

/** The agenda's steps in order, the current one lit, each with its time and the chair's note. */
export function AgendaSteps({ agenda, current, presets }: { agenda: Agenda; current: number | null; presets: readonly Preset[] }) {
  const t = useT();
  return (
    <ol className="agenda-steps" aria-label={t('desk.agenda.steps', { name: nameIn(agenda, t.language) })}>
      {agenda.steps.map((step, index) => {
        const where = current === null ? undefined : index < current ? 'done' : index === current ? 'current' : 'next';
        return (
          <li key={index} className="agenda-step" data-agenda-step={index} data-step-state={where} aria-current={where === 'current' ? 'step' : undefined}>
            <span className="agenda-step__number">{index + 1}</span>
            <span className="agenda-step__body">
              <span className="agenda-step__title">{stepTitle(step, index, presets, t)}</span>
              {step.note && step.note !== step.title ? <span className="agenda-step__note">{stepNote(step, t)}</span> : null}
            </span>
            <span className="agenda-step__time">{step.dwellSeconds ? formatDuration(step.dwellSeconds, t) : t('desk.agenda.untimedShort')}</span>
          </li>
        );
      })}
    </ol>
  );
}
