import { both, LANGUAGE_NAMES } from '../../../src-shared/bilingual';
import type { DomainHandlers } from '../dispatch';

/**
 * The app's own settings that operators change for every window: the UI language. The choice is
 * part of the host state, so it is saved before any window hears of it, survives a restart, and
 * reaches every wall and console through the host's `app:language` event.
 */
export function appCommands(): DomainHandlers {
  return {
    'app.set-language': ({ language }, ctx) => {
      if (ctx.state.language.chosen !== language) ctx.set({ ...ctx.state, language: { chosen: language } });
      const name = LANGUAGE_NAMES[language];
      ctx.describe(both(`Ngôn ngữ hiển thị: ${name.vi}`, `Display language: ${name.en}`));
    },
  };
}
