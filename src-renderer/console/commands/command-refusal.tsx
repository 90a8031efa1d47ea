import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';

/**
 * The host's refusal of the operator's last command, shown in the panel the operator acted in
 * (the commands of a panel share a key prefix, e.g. "agenda:"), until the next command.
 */
export function CommandRefusal({ prefix }: { prefix: string }) {
  const t = useT();
  const key = useOperatorStore((s) => (s.commandErrorKey?.startsWith(prefix) ? s.commandErrorKey : null));
  const error = useOperatorStore((s) => s.commandError);
  if (key === null || error === null) return null;
  return (
    <p className="desk-refusal" role="alert" data-command-refused={key}>
      <strong>{t('desk.refused')}</strong> {error}
    </p>
  );
}
