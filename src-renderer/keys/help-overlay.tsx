import { commandLabel, COMMAND_NAMES, type CommandName } from '../../src-shared/commands';
import type { KeyBinding, KeyScope } from '../../src-shared/keys/key-table';
import { useLanguage, useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { KeyCaps } from './key-caps';
import { useKeyFeedbackStore } from './key-feedback-store';

const SCOPE_ORDER: readonly KeyScope[] = ['global', 'wall', 'window'];

const isCommand = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

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
                {bindings
                  .filter((b) => b.scope === scope)
                  .map((binding) => (
                    <div key={binding.id} className="help-overlay__row" data-binding={binding.id}>
                      <dt className="help-overlay__keys">
                        {binding.keys.length === 0 ? <span className="help-overlay__none">{t('keys.none')}</span> : null}
                        {binding.keys.map((key, i) => (
                          <span key={key}>
                            {i > 0 ? <span className="help-overlay__or"> {t('keys.or')} </span> : null}
                            <KeyCaps accelerator={key} />
                          </span>
                        ))}
                      </dt>
                      <dd className="help-overlay__label">{label(binding)}</dd>
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
