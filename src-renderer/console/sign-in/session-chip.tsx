import { forgetSession } from '../../access/credentials';
import { host } from '../../bridge/connect';
import { formatClockTime } from '../../format/time';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';

/** Who is signed in here, with which role and until when, and the way out. */
export function SessionChip() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const session = useSessionStore((s) => s.session);
  if (!session) return null;
  const signOut = async (): Promise<void> => {
    try {
      const { api } = await host();
      await api.invoke('session:sign-out', undefined);
    } finally {
      forgetSession('signed-out');
      window.location.reload();
    }
  };
  return (
    <div className="session-chip" data-username={session.username} data-role={session.role}>
      <span className="session-chip__who">
        <span className="session-chip__name">{session.name}</span>
        <span className="session-chip__role">{t(`session.role.${session.role}`)}</span>
      </span>
      <span className="session-chip__until">{t('session.until', { time: formatClockTime(Date.parse(session.expiresAt), locale).slice(0, 5) })}</span>
      <button type="button" className="desk-button session-chip__out" onClick={() => void signOut()}>
        {t('session.signOut')}
      </button>
    </div>
  );
}
