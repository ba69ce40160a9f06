import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { SKM_ELEMENTS, SKM_QUESTIONS, SKM_SCORE_MAX, SKM_SCORE_MIN } from '@layanan/config';
import { fill, siteMessages as m } from './messages';
import { ApiError, submitSurvey, trackInquiry, trackingPath } from './siteApi';

const SCORES = Array.from({ length: SKM_SCORE_MAX - SKM_SCORE_MIN + 1 }, (_, i) => SKM_SCORE_MIN + i);

/**
 * The SKM of PermenPAN-RB 14/2017 for one answered request: the instrument's nine questions, each with its own
 * answers (scored 1–4), and a comment. A survey already given says so as soon as the page knows it.
 */
export const SurveyPage = () => {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [given, setGiven] = useState(false);
  const [state, setState] = useState<{ sending?: boolean; done?: boolean; error?: string; missing?: string[] }>({});

  useEffect(() => {
    if (!code || !token) return undefined;
    let current = true;
    // The form is usable meanwhile; a failed look-up leaves it to the server to refuse a second survey.
    trackInquiry(code, token).then(
      (tracked) => current && setGiven(tracked.survey?.given === true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [code, token]);

  if (!code || !token) {
    return (
      <section className="panel">
        <h1>{m.survey.heading}</h1>
        <p className="lead">{m.survey.noLink}</p>
      </section>
    );
  }
  if (state.done || given) {
    return (
      <section className="panel" data-testid={state.done ? 'survey-thanks' : 'survey-given'}>
        <h1>{state.done ? m.survey.thanks : m.survey.given}</h1>
        <p className="lead">{state.done ? m.survey.thanksHint : fill(m.survey.givenHint, { code })}</p>
        <Link className="button" to={trackingPath(code, token)}>
          {m.survey.back}
        </Link>
      </section>
    );
  }

  /** A score given clears that question's mark, and the message once nothing is left to answer. */
  const score = (element: string, value: number) => {
    setScores((current) => ({ ...current, [element]: value }));
    setState((current) => {
      if (!current.missing) return current;
      const missing = current.missing.filter((other) => other !== element);
      return missing.length ? { ...current, missing } : {};
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = SKM_ELEMENTS.filter((element) => !scores[element]);
    if (missing.length) {
      setState({ error: m.survey.missing, missing });
      return;
    }
    setState({ sending: true });
    try {
      await submitSurvey({ code, token, scores, comment: comment.trim() || undefined });
      setState({ done: true });
    } catch (error) {
      setState({ error: error instanceof ApiError ? error.message : m.survey.network });
    }
  };

  return (
    <section className="panel" aria-labelledby="survey-heading">
      <h1 id="survey-heading">{m.survey.heading}</h1>
      <p className="lead">{fill(m.survey.intro, { code })}</p>
      <form onSubmit={submit} noValidate className="survey-form">
        {SKM_ELEMENTS.map((element, index) => (
          <fieldset key={element} data-element={element} className={`survey-item${state.missing?.includes(element) ? ' survey-item--missing' : ''}`}>
            <legend>
              {index + 1}. {SKM_QUESTIONS[element].question}
            </legend>
            <div className="survey-scale">
              {SCORES.map((value) => (
                <label key={value} className={`survey-choice${scores[element] === value ? ' survey-choice--selected' : ''}`}>
                  <input type="radio" name={element} value={value} checked={scores[element] === value} onChange={() => score(element, value)} />
                  <span className="survey-choice__label">{SKM_QUESTIONS[element].answers[value - SKM_SCORE_MIN]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor="comment">{m.survey.comment}</label>
          <textarea id="comment" rows={3} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} />
        </div>
        {state.error && (
          <p className="form-summary" role="alert">
            {state.error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={state.sending}>
          {state.sending ? m.survey.sending : m.survey.submit}
        </button>
        <p className="privacy">{m.survey.regulation}</p>
      </form>
    </section>
  );
};
