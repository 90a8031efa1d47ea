import { useT } from '../../i18n/use-t';
import { useKeyFeedbackStore } from '../../keys/key-feedback-store';
import { KeyHint } from './key-hint';

/** Opens the key table's help overlay, for operators who do not know F1 does. */
export function HelpButton() {
  const t = useT();
  const open = useKeyFeedbackStore((s) => s.helpOpen);
  return (
    <button type="button" className="desk-button desk-button--quiet help-button" aria-haspopup="dialog" aria-expanded={open} data-action="help" onClick={() => useKeyFeedbackStore.getState().toggleHelp()}>
      <span>{t('desk.help')}</span>
      <KeyHint binding="help" />
    </button>
  );
}
