import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fill, siteMessages as m } from './messages';
import { ApiError, proveTracking, resendTrackingLink, trackingPath } from './siteApi';

const describe = (error: unknown) => (error instanceof ApiError ? error.message : m.track.network);

/**
 * A citizen with the code but not the link: prove the request is theirs with the last four digits of their phone
 * (or their e-mail address) and see the status at once, or have the link sent again to the request's contact.
 */
export const TrackRecovery = ({ code }: { code: string }) => {
  const navigate = useNavigate();
  const [contact, setContact] = useState('');
  const [proof, setProof] = useState<{ busy?: boolean; error?: string }>({});
  const [resend, setResend] = useState<{ busy?: boolean; message?: string; error?: string }>({});

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (!contact.trim()) return setProof({ error: m.track.proofMissing });
    setProof({ busy: true });
    try {
      // The page of the link itself, so that it can be kept, reloaded and shared with its new key.
      const { code: found, trackingToken } = await proveTracking(code, contact.trim());
      navigate(trackingPath(found, trackingToken), { replace: true });
    } catch (error) {
      setProof({ error: describe(error) });
    }
  };
  const sendAgain = async () => {
    setResend({ busy: true });
    try {
      setResend({ message: await resendTrackingLink(code) });
    } catch (error) {
      setResend({ error: describe(error) });
    }
  };

  return (
    <div className="recovery" data-testid="track-recovery">
      <p className="lead">{fill(m.track.needProof, { code })}</p>
      <form onSubmit={open} noValidate className="recovery__option">
        <h2>{m.track.proofHeading}</h2>
        <div className={`field${proof.error ? ' field--error' : ''}`}>
          <label htmlFor="contact">{m.track.proof}</label>
          <input
            id="contact"
            value={contact}
            onChange={(event) => setContact(event.target.value)}
            placeholder={m.track.proofHint}
            autoComplete="off"
            {...(proof.error ? { 'aria-invalid': true, 'aria-describedby': 'contact-error' } : {})}
          />
          {proof.error && (
            <p className="field__error" id="contact-error" role="alert">
              {proof.error}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={proof.busy}>
          {proof.busy ? m.track.checking : m.track.proofSubmit}
        </button>
      </form>
      <div className="recovery__option">
        <h2>{m.track.resendHeading}</h2>
        <p className="field__hint">{m.track.resendHint}</p>
        <button type="button" className="button" onClick={sendAgain} disabled={resend.busy} data-action="resend">
          {resend.busy ? m.track.checking : m.track.resend}
        </button>
        <div role="status">
          {resend.message && <p className="notice">{resend.message}</p>}
          {resend.error && <p className="form-summary">{resend.error}</p>}
        </div>
      </div>
    </div>
  );
};
