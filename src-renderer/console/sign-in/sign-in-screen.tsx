import { useEffect, useState, type FormEvent } from 'react';
import type { SignInResult } from '../../../src-shared/access';
import { saveSessionToken, signInOverHttp } from '../../access/credentials';
import { host } from '../../bridge/connect';
import { electronTransport } from '../../bridge/electron-transport';
import type { MessageKey, Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { signalReady } from '../../readiness';
import { useSessionStore } from '../../stores/session-store';

async function signIn(username: string, password: string): Promise<SignInResult> {
  if (electronTransport() === null) return signInOverHttp(username, password);
  const { api } = await host();
  return api.invoke('session:sign-in', { username, password });
}

function failureText(result: Extract<SignInResult, { ok: false }>, t: Translate): string {
  if (result.reason === 'throttled') return t('signIn.throttled', { seconds: result.retryAfterSeconds ?? 60 });
  if (result.reason === 'wrong-credentials') return t('signIn.wrong');
  return result.error === 'network' ? t('signIn.network') : t('signIn.failed', { error: result.error });
}

/**
 * The console's sign-in: username and password, checked by the host. On success the page starts
 * afresh with the session (browser mode keeps its token in this tab only). Failures say why, and
 * after several the host makes the operator wait; the screen says how long.
 */
export function SignInScreen() {
  const t = useT();
  const reason = useSessionStore((s) => s.reason);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    signalReady('sign-in');
    document.title = `${t('signIn.title')} · IOC`;
  }, [t]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signIn(username, password).catch((): SignInResult => ({ ok: false, reason: 'invalid', error: 'network' }));
    if (result.ok) {
      saveSessionToken(result.token);
      window.location.reload();
      return;
    }
    setBusy(false);
    setPassword('');
    setError(failureText(result, t));
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title" data-busy={busy || undefined}>
        <div className="sign-in__brand">
          <span className="wall-bar__logo" aria-hidden="true">
            IOC
          </span>
          <div>
            <h1 id="sign-in-title" className="sign-in__title">
              {t('signIn.title')}
            </h1>
            <p className="sign-in__subtitle">{t('app.title.full')}</p>
          </div>
        </div>
        {reason ? (
          <p className="sign-in__notice" role="status" data-reason={reason}>
            {t(`signIn.reason.${reason}` as MessageKey)}
          </p>
        ) : null}
        <label className="sign-in__field">
          <span>{t('signIn.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={64}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            // The page exists to be signed into: the cursor starts in the first field.
            autoFocus
          />
        </label>
        <label className="sign-in__field">
          <span>{t('signIn.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required maxLength={1024} value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error ? (
          <p className="sign-in__error" role="alert">
            {error}
          </p>
        ) : null}
        <button className="sign-in__submit" type="submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
        <p className="sign-in__hint">{t('signIn.hint')}</p>
      </form>
    </main>
  );
}
