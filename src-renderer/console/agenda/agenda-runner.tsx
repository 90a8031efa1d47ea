import type { Preset } from '../../../src-shared/domain';
import type { AgendaStatus } from '../../../src-shared/operator-state';
import type { Agenda } from '../../../src-shared/operations-config';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { AgendaControls } from './agenda-controls';
import { AgendaCountdown } from './agenda-countdown';
import { AgendaSteps } from './agenda-steps';
import { stepNote, stepTitle } from './step-title';

/** A running agenda: its state, the step on the walls with its time left, what comes next, the controls. */
export function AgendaRunner({ agenda, status, presets }: { agenda: Agenda; status: AgendaStatus; presets: readonly Preset[] }) {
  const t = useT();
  const step = agenda.steps[status.step];
  const next = agenda.steps[status.step + 1];
  return (
    <div className="agenda-runner" data-agenda-id={agenda.id} data-agenda-state={status.state} data-agenda-current={status.step}>
      <div className="agenda-runner__head">
        <span className="agenda-runner__name">{nameIn(agenda, t.language)}</span>
        <span className="agenda-state" data-state={status.state}>
          {t(`desk.agenda.state.${status.state}`)}
        </span>
      </div>
      {status.state === 'paused' ? <p className="agenda-runner__why">{t('desk.agenda.pausedWhy')}</p> : null}
      {status.state === 'held' ? <p className="agenda-runner__why">{t('desk.agenda.heldWhy')}</p> : null}
      <div className="agenda-runner__now">
        <div className="agenda-runner__step">
          <span className="agenda-runner__label">{t('desk.agenda.stepOf', { n: status.step + 1, count: agenda.steps.length })}</span>
          <span className="agenda-runner__title">{step ? stepTitle(step, status.step, presets, t) : '—'}</span>
          {step?.note ? <span className="agenda-runner__note">{stepNote(step, t)}</span> : null}
        </div>
        <AgendaCountdown status={status} dwellSeconds={step?.dwellSeconds} />
      </div>
      <p className="agenda-runner__next">
        <span className="agenda-runner__label">{t('desk.agenda.upNext')}</span> {next ? stepTitle(next, status.step + 1, presets, t) : t('desk.agenda.lastStep')}
      </p>
      <AgendaControls step={status.step} steps={agenda.steps.length} held={status.state === 'held'} />
      <AgendaSteps agenda={agenda} current={status.step} presets={presets} />
    </div>
  );
}
