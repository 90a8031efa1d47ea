import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { CommandRefusal } from '../commands/command-refusal';
import { AgendaRunner } from './agenda-runner';
import { AgendaStarter } from './agenda-starter';
import { ScheduleLine } from './schedule-line';

/** The briefing: the agenda running now (or one to start), and what the schedule does next. */
export function AgendaPanel() {
  const t = useT();
  const state = useOperatorStore((s) => s.state);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const running = state?.agenda ? state.agendas.find((a) => a.id === state.agenda?.agendaId) : undefined;
  const chosen = state?.agendas.find((a) => a.id === chosenId) ?? state?.agendas[0];
  return (
    <section className="desk-panel agenda-panel" aria-labelledby="agenda-title" data-agenda-running={state?.agenda ? state.agenda.state : 'none'}>
      <h2 id="agenda-title" className="desk-panel__title">
        {t('desk.agenda.title')}
      </h2>
      {!state ? <p className="desk-panel__hint">{t('desk.loading')}</p> : null}
      {state && state.agenda && running ? <AgendaRunner agenda={running} status={state.agenda} presets={state.presets} /> : null}
      {state && !state.agenda && chosen ? <AgendaStarter agendas={state.agendas} chosen={chosen} onChoose={setChosenId} presets={state.presets} /> : null}
      {state && state.agendas.length === 0 ? <p className="desk-panel__hint">{t('desk.agenda.none')}</p> : null}
      <CommandRefusal prefix="agenda:" />
      <ScheduleLine />
    </section>
  );
}
