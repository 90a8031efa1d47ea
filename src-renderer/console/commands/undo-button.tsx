import { operatorCommand } from '../../bridge/host-actions';
import { formatShortTime } from '../../format/time';
import { localeOf } from '../../i18n/translate';
import { useBilingual, useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { KeyHint } from '../keys/key-hint';
import { usePending } from './use-pending';

/** Undo, saying what it would undo ("Hoàn tác: Áp dụng kịch bản Điều hành giao thông · 10:42"). */
export function UndoButton() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const say = useBilingual();
  const undo = useOperatorStore((s) => s.state?.undo ?? null);
  const pending = usePending('undo');
  return (
    <button
      type="button"
      className="desk-button undo-button"
      data-action="undo"
      data-undo-available={undo !== null}
      disabled={undo === null || pending}
      aria-busy={pending || undefined}
      title={undo ? say(undo.label) : undefined}
      onClick={() => void operatorCommand('undo', 'walls.undo', {})}
    >
      <span className="undo-button__title">
        {t('desk.undo')}
        <KeyHint binding="walls.undo" />
      </span>
      <span className="undo-button__what">{undo ? t('desk.undo.what', { label: say(undo.label), time: formatShortTime(undo.at, locale) }) : t('desk.undo.none')}</span>
    </button>
  );
}
