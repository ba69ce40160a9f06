import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DASHBOARD_BASE, INVITATION_CODE_PREFIX, SITE_PAGES } from '@layanan/config';
import { siteMessages as m } from './messages';
import { ApiError, requestPasswordReset, resetPassword } from './siteApi';

const MIN_PASSWORD = 8;

const Panel = ({ heading, children }: { heading: string; children: ReactNode }) => (
  <section className="panel" aria-labelledby="account-heading">
    <h1 id="account-heading">{heading}</h1>
    {children}
  </section>
);

/** A staff member who forgot the password asks for a link; the answer is the same whether the address is known or not. */
export const ForgotPasswordPage = () => {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<{ sent?: boolean; error?: string; busy?: boolean }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      await requestPasswordReset(email.trim());
      setState({ sent: true });
    } catch (error) {
      setState({ error: (error as Error).message });
    }
  };
  if (state.sent) {
    return (
      <Panel heading={m.account.forgotHeading}>
        <p className="notice" role="status">
          {m.account.sent}
        </p>
        <a href={DASHBOARD_BASE}>{m.account.signIn}</a>
      </Panel>
    );
  }
  return (
    <Panel heading={m.account.forgotHeading}>
      <p className="lead">{m.account.forgotIntro}</p>
      {state.error && (
        <p className="form-summary" role="alert">
          {state.error}
        </p>
      )}
      <form onSubmit={submit} className="track-form">
        <div className="field">
          <label htmlFor="email">{m.account.email}</label>
          <input id="email" type="email" required autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={state.busy}>
          {m.account.send}
        </button>
      </form>
    </Panel>
  );
};

/**
 * The mailed link's page: a new password, twice, set with the link's code. An invitation's link (a new
 * account's first password) welcomes the new staff member, and says why when it is used or expired.
 */
export const ResetPasswordPage = () => {
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const invitation = code.startsWith(INVITATION_CODE_PREFIX);
  const heading = invitation ? m.account.welcomeHeading : m.account.resetHeading;
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [state, setState] = useState<{ saved?: boolean; error?: string; busy?: boolean; refusedCode?: boolean }>({});
  const again = <Link to={SITE_PAGES.forgotPassword}>{m.account.again}</Link>;
  if (!code) {
    return (
      <Panel heading={heading}>
        <p className="form-summary" role="alert">
          {m.account.noCode}
        </p>
        {again}
      </Panel>
    );
  }
  if (state.saved) {
    return (
      <Panel heading={heading}>
        <p className="notice" role="status">
          {m.account.saved}
        </p>
        <a className="button button--primary" href={DASHBOARD_BASE}>
          {m.account.signIn}
        </a>
      </Panel>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) return setState({ error: m.account.tooShort });
    if (password !== confirm) return setState({ error: m.account.mismatch });
    setState({ busy: true });
    try {
      await resetPassword(code, password);
      setState({ saved: true });
    } catch (error) {
      const refused = error instanceof ApiError && error.status === 400;
      setState({ error: refused && !invitation ? m.account.badCode : (error as Error).message, refusedCode: refused });
    }
  };
  return (
    <Panel heading={heading}>
      {invitation && <p className="lead">{m.account.welcomeIntro}</p>}
      {state.error && (
        <p className="form-summary" role="alert">
          {state.error} {state.refusedCode && again}
        </p>
      )}
      <form onSubmit={submit} className="track-form">
        <div className="field">
          <label htmlFor="password">{m.account.password}</label>
          <input id="password" type="password" required autoComplete="new-password" aria-describedby="password-hint" value={password} onChange={(event) => setPassword(event.target.value)} />
          <p id="password-hint" className="field__hint">
            {m.account.passwordHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor="confirm">{m.account.confirm}</label>
          <input id="confirm" type="password" required autoComplete="new-password" value={confirm} onChange={(event) => setConfirm(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={state.busy}>
          {m.account.save}
        </button>
      </form>
    </Panel>
  );
};
