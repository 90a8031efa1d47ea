import { commandLabel, COMMAND_NAMES, type CommandName } from '../../src-shared/commands';
import type { KeyBinding, KeyScope } from '../../src-shared/keys/key-table';
import { useLanguage, useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { KeyCaps } from './key-caps';
import { useKeyFeedbackStore } from './key-feedback-store';

const SCOPE_ORDER: readonly KeyScope[] = ['global', 'wall', 'window'];

const isCommand = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

/** One row of the overlay: a binding, or the run of preset keys shown as one ("Ctrl+Alt+1 … 9"). */
interface HelpRow {
  id: string;
  scope: KeyScope;
  keys: string[];
  label: (language: 'vi' | 'en') => string | null;
  binding: KeyBinding;
}

/**
 * The nine preset keys read as one line when they are the usual run (same modifiers, 1 to 9), so
 * the overlay fits a 1366×768 screen; a deployment that changed them sees each on its own.
 */
function helpRows(bindings: readonly KeyBinding[]): HelpRow[] {
  const presets = bindings.filter((b) => b.id.startsWith('preset.'));
  const run = presets.length === 9 && presets.every((b, i) => b.keys.length === 1 && b.keys[0] === `Ctrl+Alt+${i + 1}`);
  const rows: HelpRow[] = [];
  for (const binding of bindings) {
    if (run && binding.id.startsWith('preset.')) {
      if (binding.id !== 'preset.1') continue;
      rows.push({ id: 'preset.1-9', scope: binding.scope, keys: ['Ctrl+Alt+1'], binding, label: (language) => commandLabel('preset.apply-number', language, { number: '1 … 9' }) });
      continue;
    }
    rows.push({ id: binding.id, scope: binding.scope, keys: binding.keys, binding, label: () => null });
  }
  return rows;
}

/**
 * Every key this window answers to, from the key table in force (the config may have changed
 * some), in the UI language: F1 or ? opens and closes it, in the console and on every wall.
 */
export function HelpOverlay({ app }: { app: 'wall' | 'console' }) {
  const t = useT();
  const language = useLanguage();
  const open = useKeyFeedbackStore((s) => s.helpOpen);
  const bindings = useAppInfoStore((s) => s.info?.keys ?? null);
  if (!open || !bindings) return null;
  const label = (binding: KeyBinding): string => {
    const { action } = binding;
    if (action.type === 'command') return isCommand(action.command) ? commandLabel(action.command, language, action.payload) : action.command;
    return t(`keys.action.${action.action}`);
  };
  const scopes = SCOPE_ORDER.filter((scope) => app === 'wall' || scope !== 'wall');
  const rows = helpRows(bindings);
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-help-open="true" onClick={() => useKeyFeedbackStore.getState().closeHelp()}>
      <div className="help-overlay__panel" onClick={(event) => event.stopPropagation()}>
        <header className="help-overlay__header">
          <h2 id="help-title" className="help-overlay__title">
            {t('keys.help.title')}
          </h2>
          <span className="help-overlay__hint">{t('keys.help.hint')}</span>
        </header>
        <div className="help-overlay__groups">
          {scopes.map((scope) => (
            <section key={scope} className="help-overlay__group" data-scope={scope}>
              <h3 className="help-overlay__group-title">{t(`keys.scope.${scope}`)}</h3>
              <dl className="help-overlay__list">
                {rows
                  .filter((row) => row.scope === scope)
                  .map((row) => (
                    <div key={row.id} className="help-overlay__row" data-binding={row.id}>
                      <dt className="help-overlay__keys">
                        {row.keys.length === 0 ? <span className="help-overlay__none">{t('keys.none')}</span> : null}
                        {row.keys.map((key, i) => (
                          <span key={key}>
                            {i > 0 ? <span className="help-overlay__or"> {t('keys.or')} </span> : null}
                            <KeyCaps accelerator={key} />
                          </span>
                        ))}
                        {row.id === 'preset.1-9' ? <span className="help-overlay__or"> … 9</span> : null}
                      </dt>
                      <dd className="help-overlay__label">{row.label(language) ?? label(row.binding)}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
