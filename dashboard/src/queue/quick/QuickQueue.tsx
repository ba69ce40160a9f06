/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { DASHBOARD_BASE } from '@layanan/config';
import { formatDateTime, intlLocale } from '../../format';
import { QueueError, coordinate, fetchQueue, type QueuedInquiry } from './api';
import type { Translate } from './translate';

/** The staff app takes over the page, on `path` (below /dashboard) or on the queue itself. */
export type OpenStaffApp = (path?: string) => Promise<void>;

interface Props {
  t: Translate;
  locale: 'id' | 'en';
  division: string;
  openStaffApp: OpenStaffApp;
}

const MIN_INFORMATION = 3;
const REFRESH_MS = 15_000;

/**
 * The Bidang's queue as a phone on a slow line gets it first: the requests waiting for the Bidang's information,
 * the one due first on top, each with the officer's note, its deadline in WIB and *Berikan informasi*; a few
 * kilobytes of Preact instead of the staff app. Everything else (the request's page, the profile, the full
 * queue) is the staff app, which takes over the page when asked for.
 */
export function QuickQueue({ t, locale, division, openStaffApp }: Props) {
  const [items, setItems] = useState<QueuedInquiry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<QueuedInquiry | null>(null);
  const [done, setDone] = useState('');
  const [opening, setOpening] = useState(false);
  const title = t('layanan.queue.title', { division });

  const load = () =>
    fetchQueue().then(
      (data) => {
        setItems(data);
        setFailed(false);
      },
      (error: unknown) => {
        // A session the server no longer accepts: the staff app signs the person out and shows the sign-in page.
        if (error instanceof QueueError && error.status === 401) void openStaffApp();
        else setFailed(true);
      },
    );

  useEffect(() => {
    document.title = `${title} · ${t('layanan.app.title')}`;
    void load();
    const timer = window.setInterval(() => document.visibilityState === 'visible' && void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const full = (path?: string) => {
    setOpening(true);
    openStaffApp(path).catch(() => {
      setOpening(false);
      setFailed(true);
    });
  };

  const given = (inquiry: QueuedInquiry) => {
    setOpen(null);
    setItems((current) => current?.filter((item) => item.documentId !== inquiry.documentId) ?? null);
    setDone(t('layanan.actions.done.coordinate'));
    void load();
  };

  return (
    <div class="quick-queue">
      <header class="quick-queue__bar">
        <span class="quick-queue__product">{t('layanan.app.title')}</span>
        <button type="button" class="quick-queue__full" onClick={() => full()} disabled={opening} data-action="full-dashboard">
          {opening ? t('layanan.queue.opening') : t('layanan.queue.full')}
        </button>
      </header>
      <main class="quick-queue__main" data-testid="division-queue" data-ready={items ? 'true' : 'false'}>
        <h1 class="quick-queue__title">{title}</h1>
        <p class="quick-queue__hint">{t('layanan.queue.hint')}</p>
        <p class="quick-queue__done" role="status">
          {done}
        </p>
        {failed && (
          <p class="quick-queue__failed" role="alert">
            {t('layanan.queue.failed')}{' '}
            <button type="button" class="quick-queue__link-button" onClick={() => void load()}>
              {t('layanan.queue.retry')}
            </button>
          </p>
        )}
        {items?.length === 0 && <p>{t('layanan.queue.empty')}</p>}
        <ul class="quick-queue__list">
          {(items ?? []).map((inquiry) => (
            <Card key={inquiry.documentId} inquiry={inquiry} t={t} locale={locale} onGive={() => setOpen(inquiry)} onOpen={full} />
          ))}
        </ul>
      </main>
      {open && <GiveInformation inquiry={open} t={t} onClose={() => setOpen(null)} onGiven={() => given(open)} />}
    </div>
  );
}

function Card({ inquiry, t, locale, onGive, onOpen }: { inquiry: QueuedInquiry; t: Translate; locale: 'id' | 'en'; onGive: () => void; onOpen: (path: string) => void }) {
  const path = `/inquiries/${encodeURIComponent(inquiry.documentId)}/show`;
  // A plain click opens the request in the staff app on this page; a click to open a new tab is the browser's.
  const follow = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(path);
  };
  return (
    <li class="quick-queue__card" data-code={inquiry.code}>
      <a class="quick-queue__open" href={`${DASHBOARD_BASE}${path}`} onClick={follow}>
        <span class="quick-queue__top">
          <span class="quick-queue__code">{inquiry.code}</span>
          <span class="quick-queue__chip">{t(`layanan.channel.${inquiry.channel}`)}</span>
          <span class={`quick-queue__chip quick-queue__chip--${inquiry.kind}`}>{t(`layanan.kind.${inquiry.kind}`)}</span>
        </span>
        <span class="quick-queue__subject">{inquiry.subject}</span>
        <span class="quick-queue__name">{inquiry.applicant?.name ?? '—'}</span>
      </a>
      <OfficerNote note={inquiry.notes} t={t} />
      <div class="quick-queue__actions">
        <span class="quick-queue__due">{t('layanan.sla.due', { time: formatDateTime(inquiry.coordinationDueAt, intlLocale(locale)) })}</span>
        <button type="button" class="quick-queue__button" onClick={onGive} data-action="coordinate">
          {t('layanan.actions.coordinate')}
        </button>
      </div>
    </li>
  );
}

/** What the officer asked of the Bidang when routing the request. */
function OfficerNote({ note, t }: { note?: string | null; t: Translate }) {
  if (!note?.trim()) return null;
  return (
    <section class="quick-queue__note" data-testid="officer-note" aria-label={t('layanan.queue.note')}>
      <h3>{t('layanan.queue.note')}</h3>
      <p>{note}</p>
    </section>
  );
}

/** *Berikan informasi* in a modal dialog: the request's question, the officer's note, and the information. */
function GiveInformation({ inquiry, t, onClose, onGiven }: { inquiry: QueuedInquiry; t: Translate; onClose: () => void; onGiven: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [information, setInformation] = useState('');
  const [error, setError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const headingId = `give-${inquiry.documentId}`;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (submitting) return;
    if (information.trim().length < MIN_INFORMATION) {
      setError(t('layanan.queue.short'));
      return;
    }
    setSubmitting(true);
    setError('');
    try {
      await coordinate(inquiry.documentId, information.trim());
      onGiven();
    } catch (failure) {
      setError(failure instanceof QueueError && failure.message ? failure.message : t('layanan.queue.failed'));
      setSubmitting(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="quick-queue__dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        if (!submitting) onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={headingId}>
          {t('layanan.actions.coordinate')} · {inquiry.code}
        </h2>
        <p class="quick-queue__question">
          <strong>{inquiry.subject}</strong>
          {inquiry.message && <span>{inquiry.message}</span>}
        </p>
        <OfficerNote note={inquiry.notes} t={t} />
        <label for={`${headingId}-information`}>{t('layanan.actions.information')}</label>
        <textarea
          id={`${headingId}-information`}
          name="information"
          rows={5}
          required
          value={information}
          onInput={(event) => {
            setInformation(event.currentTarget.value);
            setError('');
          }}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${headingId}-error` : undefined}
          autoFocus
        />
        {error && (
          <p id={`${headingId}-error`} class="quick-queue__error" role="alert">
            {error}
          </p>
        )}
        <div class="quick-queue__dialog-actions">
          <button type="button" class="quick-queue__text-button" onClick={onClose} disabled={submitting}>
            {t('layanan.actions.cancel')}
          </button>
          <button type="submit" class="quick-queue__button" disabled={submitting}>
            {t('layanan.actions.confirm.coordinate')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
