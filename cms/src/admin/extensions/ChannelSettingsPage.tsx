import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Main, Status, TextInput, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CHANNEL_ADVICE, CHANNEL_HEALTH_LABELS, CHANNEL_LABELS, type ChannelHealthState, type MonitoredChannel } from '@layanan/config';
import type { ChannelStatus, ProbeStep, SettingView } from '@layanan/channels';

const STATE_VARIANT: Record<ChannelHealthState, 'success' | 'warning' | 'danger' | 'neutral' | 'secondary'> = {
  ok: 'success',
  terganggu: 'warning',
  mati: 'danger',
  diam: 'secondary',
  belum_diatur: 'neutral',
};

const wib = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const whenWib = (iso: string | null) => (iso ? `${wib.format(new Date(iso)).replace(' pukul ', ' ')} WIB` : null);

const messageOf = (failure: unknown) =>
  (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? (failure as Error).message;

/** One channel's settings: what the server sets is read-only, a secret is write-only ("tersimpan"). */
function SettingsForm({ channel, fields, onSaved }: { channel: MonitoredChannel; fields: SettingView[]; onSaved: (fields: SettingView[], state: ChannelStatus) => void }) {
  const { put } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `layanan.channels.${id}` }, values);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { data } = await put<{ data: { fields: SettingView[]; state: ChannelStatus } }>(`/channels/settings/${channel}`, { data: draft });
      setDraft({});
      setSaved(true);
      onSaved(data.data.fields, data.data.state);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} data-testid={`settings-${channel}`}>
      <Box paddingTop={4}>
        <Flex direction="column" alignItems="stretch" gap={3}>
          {fields.map((field) => {
            const fixed = field.source === 'server' || field.serverOnly;
            const hint = fixed
              ? field.source === 'server'
                ? t('field.server', { name: field.name })
                : t('field.serverOnly', { name: field.name })
              : field.secret
                ? field.unreadable
                  ? t('field.unreadable')
                  : field.source === 'stored'
                    ? t('field.secretStored')
                    : t('field.secretEmpty')
                : field.hint
                  ? t('field.example', { example: field.hint, name: field.name })
                  : field.name;
            const value = draft[field.name] ?? (field.secret ? '' : (field.value ?? ''));
            return (
              <Field.Root key={field.name} name={field.name} hint={hint}>
                <Field.Label>{field.label}</Field.Label>
                <TextInput
                  type={field.secret ? 'password' : 'text'}
                  autoComplete={field.secret ? 'new-password' : 'off'}
                  value={fixed && field.secret ? '' : fixed ? (field.value ?? '') : value}
                  placeholder={fixed ? t('field.serverPlaceholder') : field.secret && field.source === 'stored' ? t('field.stored') : field.type === 'boolean' ? 'true / false' : (field.hint ?? '')}
                  disabled={fixed}
                  onChange={(event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field.name]: event.target.value }))}
                />
                <Field.Hint />
              </Field.Root>
            );
          })}
          {error && (
            <Typography textColor="danger600" role="alert">
              {error}
            </Typography>
          )}
          {saved && (
            <Typography textColor="success600" role="status">
              {t('saved')}
            </Typography>
          )}
          <Flex>
            <Button type="submit" loading={busy} disabled={busy || Object.keys(draft).length === 0}>
              {t('save')}
            </Button>
          </Flex>
        </Flex>
      </Box>
    </form>
  );
}

/** One channel: its state in words, *Tes koneksi*, *Kirim pesan uji* (e-mail) and its settings. */
function ChannelCard({ status, fields, onChange }: { status: ChannelStatus; fields: SettingView[] | undefined; onChange: (status: ChannelStatus, fields?: SettingView[]) => void }) {
  const { post } = useFetchClient();
  const { formatMessage, locale } = useIntl();
  const t = (id: string, values?: Record<string, string>) => formatMessage({ id: `layanan.channels.${id}` }, values);
  const language = locale.startsWith('en') ? 'en' : 'id';
  const [steps, setSteps] = useState<ProbeStep[] | null>(null);
  const [testing, setTesting] = useState(false);
  const [to, setTo] = useState('');
  const [sendResult, setSendResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const test = async () => {
    setTesting(true);
    setFailure(null);
    try {
      const { data } = await post<{ data: { steps: ProbeStep[]; state: ChannelStatus } }>(`/channels/settings/${status.channel}/test`, {});
      setSteps(data.data.steps);
      onChange(data.data.state);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setTesting(false);
    }
  };
  const sendTest = async (event: FormEvent) => {
    event.preventDefault();
    setSendResult(null);
    try {
      const { data } = await post<{ data: { ok: boolean; detail: string; state: ChannelStatus } }>(`/channels/settings/${status.channel}/test-message`, { data: { to } });
      setSendResult({ ok: data.data.ok, text: data.data.ok ? t('sendTest.sent', { to }) : data.data.detail });
      onChange(data.data.state);
    } catch (error) {
      setSendResult({ ok: false, text: messageOf(error) });
    }
  };

  const facts = [
    ['lastInbound', whenWib(status.lastInboundAt)],
    ['lastSuccess', whenWib(status.lastSuccessAt)],
    ['lastSent', whenWib(status.lastSentAt)],
  ] as const;

  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius tag="section" aria-labelledby={`channel-${status.channel}`} data-testid={`channel-${status.channel}`}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="center" gap={3} wrap="wrap">
          <Typography variant="delta" tag="h2" id={`channel-${status.channel}`}>
            {CHANNEL_LABELS[status.channel][language]}
          </Typography>
          <Status variant={STATE_VARIANT[status.state]} size="S" data-testid="channel-state" data-state={status.state}>
            <Typography fontWeight="bold">{CHANNEL_HEALTH_LABELS[status.state][language]}</Typography>
            {status.since && status.state !== 'belum_diatur' ? <Typography> {t('since', { time: whenWib(status.since)! })}</Typography> : null}
          </Status>
        </Flex>
        {status.state === 'belum_diatur' ? (
          <Typography textColor="neutral600">{t('notConfigured')}</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={1}>
            {facts.map(([key, value]) => (
              <Typography key={key} variant="omega">
                <Typography fontWeight="bold">{t(`fact.${key}`)}:</Typography> {value ?? t('fact.never')}
              </Typography>
            ))}
            {status.lastError && (
              <Typography variant="omega" textColor={status.state === 'ok' ? 'neutral600' : 'danger600'}>
                <Typography fontWeight="bold" textColor="inherit">
                  {t('fact.lastError')}
                </Typography>{' '}
                ({whenWib(status.lastErrorAt)}): {status.lastError}
              </Typography>
            )}
            {status.state === 'diam' && <Typography textColor="neutral800">{t('quiet')}</Typography>}
            {(status.state === 'mati' || status.state === 'terganggu' || status.state === 'diam') && <Typography fontWeight="bold">{CHANNEL_ADVICE[status.channel]}</Typography>}
          </Flex>
        )}
        <Flex gap={2} wrap="wrap">
          <Button variant="secondary" onClick={test} loading={testing} disabled={!status.enabled || testing}>
            {t('test')}
          </Button>
          {fields && (
            <Button variant="tertiary" onClick={() => setEditing((open) => !open)} aria-expanded={editing}>
              {editing ? t('closeSettings') : t('openSettings')}
            </Button>
          )}
        </Flex>
        {failure && (
          <Typography textColor="danger600" role="alert">
            {failure}
          </Typography>
        )}
        {steps && (
          <Box tag="ul" role="status" data-testid="probe-steps">
            {steps.map((step) => (
              <li key={step.name}>
                <Typography textColor={step.ok ? 'success600' : 'danger600'}>
                  {step.ok ? '✓' : '✗'} {step.detail}
                </Typography>
              </li>
            ))}
          </Box>
        )}
        {status.channel === 'email' && status.enabled && (
          <form onSubmit={sendTest}>
            <Flex gap={2} alignItems="flex-end" wrap="wrap">
              <Box grow={1} minWidth="14rem">
                <Field.Root name="test-to">
                  <Field.Label>{t('sendTest.to')}</Field.Label>
                  <TextInput type="email" value={to} placeholder="nama@dinas.go.id" onChange={(event: { target: { value: string } }) => setTo(event.target.value)} />
                </Field.Root>
              </Box>
              <Button type="submit" variant="secondary" disabled={!to.trim()}>
                {t('sendTest.send')}
              </Button>
            </Flex>
            {sendResult && (
              <Typography textColor={sendResult.ok ? 'success600' : 'danger600'} role="status">
                {sendResult.text}
              </Typography>
            )}
          </form>
        )}
        {editing && fields && <SettingsForm channel={status.channel} fields={fields} onSaved={(next, state) => onChange(state, next)} />}
      </Flex>
    </Box>
  );
}

/** Pengaturan → Kanal: the IT staff see every channel's state and set the channels up, without a restart. */
const ChannelSettingsPage = () => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string) => formatMessage({ id: `layanan.channels.${id}` });
  const [states, setStates] = useState<ChannelStatus[] | null>(null);
  const [fields, setFields] = useState<Partial<Record<MonitoredChannel, SettingView[]>>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, settings] = await Promise.all([
        get<{ data: ChannelStatus[] }>('/channels/settings/states'),
        get<{ data: Partial<Record<MonitoredChannel, SettingView[]>> }>('/channels/settings/fields'),
      ]);
      setStates(list.data.data);
      setFields(settings.data.data);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = (status: ChannelStatus, next?: SettingView[]) => {
    setStates((current) => current?.map((item) => (item.channel === status.channel ? status : item)) ?? null);
    if (next) setFields((current) => ({ ...current, [status.channel]: next }));
  };

  return (
    <Main>
      <Layouts.Header title={t('title')} subtitle={t('intro')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error && (
            <Typography textColor="danger600" role="alert">
              {error}
            </Typography>
          )}
          {states?.map((status) => <ChannelCard key={status.channel} status={status} fields={fields[status.channel]} onChange={replace} />)}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default ChannelSettingsPage;
