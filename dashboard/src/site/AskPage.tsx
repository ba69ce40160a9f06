import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { KINDS, MESSAGE_MAX_LENGTH, SERVICE_CATEGORIES, SITE_PAGES, nikProblem } from '@layanan/config';
import { fill, siteMessages as m } from './messages';
import { ApiError, submitInquiry, type AskInput } from './siteApi';
import { rememberSubmission } from './ConfirmationPage';
import { useOfficeStatus } from './office';
import { formatDayDateTime } from '../format';
import { usePrivacyNotice } from './privacy';

type Errors = Partial<Record<string, string>>;

interface Form {
  kind: string;
  serviceCategory: string;
  subject: string;
  message: string;
  name: string;
  phone: string;
  email: string;
  nik: string;
  website: string;
}

const EMPTY: Form = { kind: 'information', serviceCategory: '', subject: '', message: '', name: '', phone: '', email: '', nik: '', website: '' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the form can tell before sending; the server checks everything again (phone numbers among it). */
function check(form: Form): Errors {
  const errors: Errors = {};
  if (form.name.trim().length < 2) errors['applicant.name'] = m.ask.errors.name;
  if (form.subject.trim().length < 3) errors.subject = m.ask.errors.subject;
  if (form.message.trim().length < 10) errors.message = m.ask.errors.message;
  else if (form.message.trim().length > MESSAGE_MAX_LENGTH) errors.message = fill(m.ask.errors.messageLong, { count: String(form.message.trim().length), max: String(MESSAGE_MAX_LENGTH) });
  if (form.email.trim() && !EMAIL.test(form.email.trim())) errors['applicant.email'] = m.ask.errors.email;
  const nik = form.nik.trim() ? nikProblem(form.nik.trim()) : null;
  if (nik) errors['applicant.nik'] = nik;
  return errors;
}

function toInput(form: Form, privacyNoticeVersion: number | undefined): AskInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    kind: form.kind,
    subject: form.subject.trim(),
    message: form.message.trim(),
    serviceCategory: optional(form.serviceCategory),
    applicant: { name: form.name.trim(), phone: optional(form.phone), email: optional(form.email), nik: optional(form.nik) },
    website: optional(form.website),
    ...(privacyNoticeVersion ? { privacyNoticeVersion } : {}),
  };
}

/** Before a citizen writes on a holiday or after hours: the request is taken now, the answer clock starts later. */
const OfficeClosedNotice = () => {
  const status = useOfficeStatus();
  if (!status || status.open) return null;
  return (
    <p className="notice" role="status" data-testid="office-closed">
      {status.holiday ? fill(m.ask.closed.holiday, { holiday: status.holiday }) : m.ask.closed.hours}{' '}
      {status.resumesAt ? fill(m.ask.closed.resumes, { when: formatDayDateTime(status.resumesAt) }) : m.ask.closed.noHours}
    </p>
  );
};

export const AskPage = () => {
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const notice = usePrivacyNotice();
  const set = (name: keyof Form) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(form);
    setErrors(found);
    if (Object.keys(found).length) {
      setSummary(m.ask.errors.fix);
      return;
    }
    setSending(true);
    setSummary(null);
    try {
      const sent = await submitInquiry(toInput(form, notice?.version));
      rememberSubmission(sent);
      navigate('/terkirim', { state: sent });
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(Object.fromEntries(error.problems.map((problem) => [problem.path.join('.'), problem.message])));
        setSummary(error.message);
      } else setSummary(m.ask.errors.network);
    } finally {
      setSending(false);
    }
  };

  const field = (name: string, label: string, input: JSX.Element, hint?: string, extra?: JSX.Element) => (
    <div className={`field${errors[name] ? ' field--error' : ''}`}>
      <label htmlFor={name}>{label}</label>
      {input}
      {extra}
      {errors[name] ? (
        <p className="field__error" id={`${name}-error`} role="alert">
          {errors[name]}
        </p>
      ) : (
        hint && <p className="field__hint">{hint}</p>
      )}
    </div>
  );
  const described = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {});

  return (
    <section className="panel" aria-labelledby="ask-heading">
      <h1 id="ask-heading">{m.ask.heading}</h1>
      <p className="lead">{m.ask.intro}</p>
      <OfficeClosedNotice />
      <p className="ask__standard">
        <Link to={SITE_PAGES.performance}>{m.ask.performanceLink}</Link>
      </p>
      <form onSubmit={submit} noValidate className="ask-form">
        <fieldset className="kinds">
          <legend>{m.ask.kind}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className={`kind${form.kind === kind ? ' kind--selected' : ''}`}>
              <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={set('kind')} />
              <span className="kind__name">{m.kind[kind]}</span>
              <span className="kind__help">{m.ask.kindHelp[kind]}</span>
            </label>
          ))}
        </fieldset>
        {field(
          'serviceCategory',
          m.ask.category,
          <select id="serviceCategory" name="serviceCategory" value={form.serviceCategory} onChange={set('serviceCategory')}>
            <option value="">{m.ask.categoryNone}</option>
            {SERVICE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {m.category[category]}
              </option>
            ))}
          </select>,
        )}
        {field('subject', m.ask.subject, <input id="subject" name="subject" value={form.subject} onChange={set('subject')} maxLength={200} placeholder={m.ask.subjectHint} {...described('subject')} />)}
        {field(
          'message',
          m.ask.message,
          <textarea id="message" name="message" value={form.message} onChange={set('message')} rows={5} aria-describedby="message-counter" {...described('message')} />,
          m.ask.messageHint,
          <p id="message-counter" className={`field__counter${form.message.trim().length > MESSAGE_MAX_LENGTH ? ' field__counter--over' : ''}`}>
            {fill(m.ask.counter, { count: form.message.trim().length.toLocaleString('id-ID'), max: MESSAGE_MAX_LENGTH.toLocaleString('id-ID') })}
          </p>,
        )}
        <h2 className="ask-form__section">{m.ask.applicant}</h2>
        {field('applicant.name', m.ask.name, <input id="applicant.name" name="name" value={form.name} onChange={set('name')} autoComplete="name" maxLength={120} {...described('applicant.name')} />)}
        {field('applicant.phone', m.ask.phone, <input id="applicant.phone" name="phone" value={form.phone} onChange={set('phone')} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} {...described('applicant.phone')} />)}
        {field('applicant.email', m.ask.email, <input id="applicant.email" name="email" value={form.email} onChange={set('email')} type="email" autoComplete="email" maxLength={254} {...described('applicant.email')} />)}
        {field('applicant.nik', m.ask.nik, <input id="applicant.nik" name="nik" value={form.nik} onChange={set('nik')} inputMode="numeric" maxLength={16} {...described('applicant.nik')} />, m.ask.nikHint)}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">{m.ask.honeypot}</label>
          <input id="website" name="website" value={form.website} onChange={set('website')} tabIndex={-1} autoComplete="off" />
        </div>
        <section className="privacy" aria-labelledby="privacy-summary-heading" data-testid="ask-privacy" data-version={notice?.version}>
          <h2 id="privacy-summary-heading">{m.ask.privacyHeading}</h2>
          <p>{notice?.summary ?? m.ask.privacy}</p>
          <Link to={SITE_PAGES.privacy} target="_blank">
            {notice ? fill(m.privacy.readFull, { version: String(notice.version) }) : m.footer.privacy}
          </Link>
        </section>
        {summary && (
          <p className="form-summary" role="alert">
            {summary}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? m.ask.sending : m.ask.submit}
        </button>
      </form>
    </section>
  );
};
