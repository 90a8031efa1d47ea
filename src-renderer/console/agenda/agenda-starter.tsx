import { useId } from 'react';
import type { Preset } from '../../../src-shared/domain';
import type { Agenda } from '../../../src-shared/operations-config';
import { operatorCommand } from '../../bridge/host-actions';
import { formatDuration } from '../../format/age';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { usePending } from '../commands/use-pending';
import { KeyHint } from '../keys/key-hint';
import { AgendaSteps } from './agenda-steps';
import { plannedSeconds } from './step-title';

/** No agenda running: choose one (when there are several), see its steps, start it. */
export function AgendaStarter({ agendas, chosen, onChoose, presets }: { agendas: readonly Agenda[]; chosen: Agenda; onChoose: (agendaId: string) => void; presets: readonly Preset[] }) {
  const t = useT();
  const selectId = useId();
  const pending = usePending('agenda:agenda.start');
  const planned = plannedSeconds(chosen);
  return (
    <div className="agenda-starter" data-agenda-id={chosen.id}>
      {agendas.length > 1 ? (
        <div className="agenda-starter__pick">
          <label htmlFor={selectId}>{t('desk.agenda.choose')}</label>
          <select id={selectId} className="desk-select" value={chosen.id} data-action="choose-agenda" onChange={(event) => onChoose(event.target.value)}>
            {agendas.map((agenda) => (
              <option key={agenda.id} value={agenda.id}>
                {nameIn(agenda, t.language)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="agenda-runner__name">{nameIn(chosen, t.language)}</p>
      )}
      <p className="desk-panel__hint">
        {t('desk.agenda.summary', { n: chosen.steps.length })}
        {planned !== null ? ` · ${t('desk.agenda.planned', { duration: formatDuration(planned, t) })}` : ''}
      </p>
      <AgendaSteps agenda={chosen} current={null} presets={presets} />
      <button type="button" className="desk-button desk-button--primary agenda-starter__start" data-action="agenda.start" disabled={pending} aria-busy={pending || undefined} onClick={() => void operatorCommand('agenda:agenda.start', 'agenda.start', { agendaId: chosen.id })}>
        <span>{t('desk.agenda.start')}</span>
        <KeyHint binding="agenda.start" />
      </button>
    </div>
  );
}
