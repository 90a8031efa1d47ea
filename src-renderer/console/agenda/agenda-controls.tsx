import type { CommandName } from '../../../src-shared/commands';
import { operatorCommand } from '../../bridge/host-actions';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { usePending } from '../commands/use-pending';
import { KeyHint } from '../keys/key-hint';

type StepCommand = Extract<CommandName, 'agenda.previous' | 'agenda.next' | 'agenda.hold' | 'agenda.stop'>;

function ControlButton({ command, label, binding, pressed, disabled, tone }: { command: StepCommand; label: MessageKey; binding: string; pressed?: boolean; disabled?: boolean; tone?: 'primary' | 'danger' }) {
  const t = useT();
  const key = `agenda:${command}`;
  const pending = usePending(key);
  return (
    <button
      type="button"
      className={`desk-button agenda-controls__button${tone ? ` desk-button--${tone}` : ''}`}
      data-action={command}
      aria-pressed={pressed}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      onClick={() => void operatorCommand(key, command, {})}
    >
      <span>{t(label)}</span>
      <KeyHint binding={binding} />
    </button>
  );
}

/** Previous, hold/resume, next and stop, each with its key. */
export function AgendaControls({ step, steps, held }: { step: number; steps: number; held: boolean }) {
  return (
    <div className="agenda-controls">
      <ControlButton command="agenda.previous" label="desk.agenda.previous" binding="agenda.previous" disabled={step === 0} />
      <ControlButton command="agenda.hold" label={held ? 'desk.agenda.resume' : 'desk.agenda.hold'} binding="agenda.hold" pressed={held} />
      <ControlButton command="agenda.next" label={step + 1 >= steps ? 'desk.agenda.finish' : 'desk.agenda.next'} binding="agenda.next" tone="primary" />
      <ControlButton command="agenda.stop" label="desk.agenda.stop" binding="agenda.stop" tone="danger" />
    </div>
  );
}
