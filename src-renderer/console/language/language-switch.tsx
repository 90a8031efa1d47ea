import { roleAllows } from '../../../src-shared/access';
import type { Language } from '../../../src-shared/domain';
import { operatorCommand } from '../../bridge/host-actions';
import { useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { useSessionStore } from '../../stores/session-store';
import { usePending } from '../commands/use-pending';

const CHOICES: ReadonlyArray<{ language: Language; short: string }> = [
  { language: 'vi', short: 'VI' },
  { language: 'en', short: 'EN' },
];

const PENDING_KEY = 'language';

/**
 * VI | EN in the console's header: the language of every wall and console, switched for all at
 * once by the host (app.set-language). Each choice is a button, so Tab and Enter or Space work; the
 * pressed one is the language in force, which changes only when the host says so.
 */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const pending = usePending(PENDING_KEY);
  const failure = useOperatorStore((s) => s.failures.get(PENDING_KEY) ?? null);
  const mayOperate = useSessionStore((s) => roleAllows(s.session?.role ?? 'viewer', 'operator'));
  return (
    <div className="language-switch" role="group" aria-label={t('language.switch')} title={mayOperate ? t('language.switch.hint') : t('language.switch.viewer')} data-language={language} aria-busy={pending || undefined}>
      {CHOICES.map((choice) => (
        <button
          key={choice.language}
          type="button"
          className="language-switch__choice"
          lang={choice.language}
          data-language-choice={choice.language}
          aria-pressed={language === choice.language}
          aria-label={t(`language.name.${choice.language}`)}
          disabled={!mayOperate || pending}
          onClick={() => {
            if (choice.language !== language) void operatorCommand(PENDING_KEY, 'app.set-language', { language: choice.language });
          }}
        >
          {choice.short}
        </button>
      ))}
      {failure ? (
        <span className="language-switch__error" role="alert">
          {t('language.failed', { error: failure })}
        </span>
      ) : null}
    </div>
  );
}
