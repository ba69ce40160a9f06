import {
  Create,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  minLength,
  required,
  useNotify,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Typography } from '@mui/material';
import { KINDS, OFFICER_INTAKE_CHANNELS, SERVICE_CATEGORIES, isSpokenAnswer, receiptPagePath, takesReplyAddress } from '@layanan/config';
import type { Inquiry } from '../types';
import { isValidEmail, isValidPhone, nikError, withoutEmpty } from './validation';
import { LaporPaste } from './LaporPaste';
import { IntakePrivacyNotice } from './IntakePrivacyNotice';

const nik: Validator = (value) => nikError(value);

/** The paste helper only for LAPOR! reports. */
const LaporPasteWhenLapor = () => (useWatch({ name: 'channel' }) === 'lapor_sp4n' ? <LaporPaste /> : null);

/** A citizen at the counter, on the phone or on air has no address to answer to: the field is only asked where one is. */
const ReplyAddressWhenAddressed = ({ label }: { label: string }) =>
  takesReplyAddress(useWatch({ name: 'channel' })) ? <TextInput source="applicant.replyAddress" label={label} validate={maxLength(254)} /> : null;

/** What the form sends: the LAPOR! status for LAPOR! reports only, a reply address only where answers go to one. */
function intakeData({ laporStatus, ...data }: Record<string, unknown>): Record<string, unknown> {
  const channel = String(data.channel);
  const applicant = data.applicant as Record<string, unknown> | undefined;
  const addressed = applicant && !takesReplyAddress(channel) ? { applicant: { ...applicant, replyAddress: undefined } } : {};
  return withoutEmpty({ ...data, ...addressed, ...(channel === 'lapor_sp4n' ? { laporStatus } : {}) });
}

/**
 * The officer's quick intake for requests that come in person, by phone, radio, View Probolinggo,
 * LAPOR! or social media: one keyboard-friendly form, one submit.
 */
export const InquiryCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const f = (name: string) => translate(`layanan.inquiry.fields.${name}`);
  const phone: Validator = (value) => (typeof value === 'string' && value.trim() && !isValidPhone(value) ? translate('layanan.validation.phone') : undefined);
  const email: Validator = (value) => (typeof value === 'string' && value.trim() && !isValidEmail(value) ? translate('layanan.validation.email') : undefined);
  const laporRef: Validator = (value, values) => (values.channel === 'lapor_sp4n' && !String(value ?? '').trim() ? translate('layanan.intake.lapor_ref') : undefined);
  const choices = (prefix: string, values: readonly string[]) => values.map((id) => ({ id, name: translate(`layanan.${prefix}.${id}`) }));
  return (
    <Create<Inquiry>
      title={translate('layanan.intake.title')}
      transform={(data) => intakeData(data as unknown as Record<string, unknown>) as unknown as Inquiry}
      mutationOptions={{
        onSuccess: (created) => {
          notify(translate('layanan.intake.saved', { code: created.code }), { type: 'success' });
          // A citizen at the counter, on the telephone or on air gets a receipt at once; other intakes open the request.
          if (isSpokenAnswer(created.channel)) redirect(receiptPagePath(String(created.id)));
          else redirect('show', 'inquiries', created.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ kind: 'information', channel: 'walk_in' }} className="intake-form">
        <Typography variant="body2" color="text.secondary">
          {translate('layanan.intake.hint')}
        </Typography>
        <SelectInput source="channel" label={f('channel')} choices={choices('channel', OFFICER_INTAKE_CHANNELS)} validate={required()} autoFocus />
        <LaporPasteWhenLapor />
        <IntakePrivacyNotice />
        <RadioButtonGroupInput source="kind" label={f('kind')} choices={choices('kind', KINDS)} validate={required()} />
        <TextInput source="applicant.name" label={f('applicant.name')} validate={[required(), minLength(2), maxLength(120)]} />
        <TextInput source="applicant.nik" label={f('applicant.nik')} validate={nik} inputProps={{ inputMode: 'numeric', maxLength: 16 }} />
        <TextInput source="applicant.phone" label={f('applicant.phone')} validate={phone} inputProps={{ inputMode: 'tel' }} />
        <TextInput source="applicant.email" label={f('applicant.email')} validate={email} type="email" />
        <ReplyAddressWhenAddressed label={f('applicant.replyAddress')} />
        <TextInput source="subject" label={f('subject')} validate={[required(), minLength(3), maxLength(200)]} />
        <TextInput source="message" label={f('message')} validate={[required(), minLength(3), maxLength(5000)]} multiline minRows={4} />
        <SelectInput source="serviceCategory" label={f('serviceCategory')} choices={choices('serviceCategory', SERVICE_CATEGORIES)} />
        <TextInput source="externalRef" label={f('externalRef')} validate={[laporRef, maxLength(120)]} />
        <TextInput source="notes" label={f('notes')} validate={maxLength(5000)} multiline minRows={2} />
      </SimpleForm>
    </Create>
  );
};
