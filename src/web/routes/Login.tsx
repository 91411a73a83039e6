import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { loginRequest, totpCode } from '../../contracts/auth.ts';
import { labelOf } from '../../contracts/messages/labels.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Field, fieldId } from '../components/Field.tsx';
import { useFormErrors } from '../components/useFormErrors.ts';
import { useI18n } from '../i18n/index.tsx';

/** Password login, then (when owed) the TOTP step; OIDC when the server has it configured. */
export function Login({ mfaPending }: { mfaPending?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'password' | 'verify' | 'enroll'>(mfaPending ? 'verify' : 'password');
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const h1 = useRef<HTMLHeadingElement>(null);
  // Checked in the browser with the server's own contracts before anything is sent.
  const loginForm = useFormErrors(loginRequest, () => ({ username, password }));
  const codeForm = useFormErrors(totpCode, () => ({ code }));
  const form = step === 'password' ? loginForm : codeForm;
  const authConfig = useQuery({
    queryKey: ['auth-config'],
    queryFn: () => api.get<{ oidc: boolean }>('/auth/config'),
  });

  useEffect(() => {
    document.title = `${t(step === 'password' ? 'login.title' : 'login.totp.title')} – Ombud`;
    h1.current?.focus();
  }, [step, t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!form.check()) return;
    setBusy(true);
    try {
      if (step === 'password') {
        const r = await api.post<{ mfa: 'none' | 'verify' | 'enroll' }>('/auth/login', {
          username,
          password,
        });
        if (r.mfa === 'enroll') {
          const s = await api.post<{ secret: string }>('/auth/totp/setup');
          setSecret(s.secret);
        }
        if (r.mfa !== 'none') {
          setStep(r.mfa);
          return;
        }
      } else {
        await api.post('/auth/totp/verify', { code });
      }
      await qc.invalidateQueries();
    } catch (err) {
      if (!form.fromServer(err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <div className="login-card">
        <p className="brand-name">{t('app.name')}</p>
        <p className="brand-tagline">{t('app.tagline')}</p>
        <h1 ref={h1} tabIndex={-1}>
          {t(step === 'password' ? 'login.title' : 'login.totp.title')}
        </h1>
        <ErrorMessage error={error} />
        <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
        <form onSubmit={(e) => void submit(e)} noValidate>
          {step === 'password' ? (
            <>
              <Field
                id={fieldId('username')}
                label={labelOf('username', lang)}
                error={loginForm.error('username')}
                onBlur={() => loginForm.blur('username')}
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
              <Field
                id={fieldId('password')}
                label={labelOf('password', lang)}
                error={loginForm.error('password')}
                onBlur={() => loginForm.blur('password')}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </>
          ) : (
            <>
              {step === 'enroll' && secret ? (
                <p>
                  {t('login.totp.enroll')} {t('login.totp.secret')}: <code>{secret}</code>
                </p>
              ) : null}
              <Field
                id={fieldId('code')}
                label={labelOf('code', lang)}
                error={codeForm.error('code')}
                onBlur={() => codeForm.blur('code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </>
          )}
          <button type="submit" disabled={busy}>
            {t(step === 'password' ? 'login.submit' : 'login.totp.submit')}
          </button>
        </form>
        {step === 'password' && authConfig.data?.oidc ? (
          <p>
            <a className="button secondary" href="/api/v1/auth/oidc/start">
              {t('login.oidc')}
            </a>
          </p>
        ) : null}
        <p>
          {/* A full load: the public page is shown by App.tsx without a session. */}
          <a href="/statistik">{t('oppen.loginLink')}</a>
        </p>
        <p>
          <label className="inline-field">
            <span>{t('lang.label')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'sv')}>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </label>
        </p>
      </div>
    </main>
  );
}
