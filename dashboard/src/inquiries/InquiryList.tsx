import {
  DataTable,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  downloadCSV,
  useLocale,
  useTranslate,
} from 'react-admin';
import { CHANNELS, KINDS, STATUSES } from '@layanan/config';
import type { Inquiry } from '../types';
import { formatDateTime, intlLocale } from '../format';
import { inquiriesCsv } from './inquiryExport';

function useChoices() {
  const translate = useTranslate();
  const choices = (prefix: string, values: readonly string[]) => values.map((id) => ({ id, name: translate(`layanan.${prefix}.${id}`) }));
  return { status: choices('status', STATUSES), channel: choices('channel', CHANNELS), kind: choices('kind', KINDS) };
}

const useFilters = () => {
  const translate = useTranslate();
  const choices = useChoices();
  const f = (name: string) => translate(`layanan.inquiry.fields.${name}`);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={f('q')} />,
    <SelectInput key="status" source="status" label={f('status')} choices={choices.status} alwaysOn />,
    <SelectInput key="channel" source="channel" label={f('channel')} choices={choices.channel} />,
    <SelectInput key="kind" source="kind" label={f('kind')} choices={choices.kind} />,
    <ReferenceInput key="division" source="division.documentId" reference="divisions" label={f('division')}>
      <SelectInput optionText="name" label={f('division')} />
    </ReferenceInput>,
  ];
};

/** Every request the role may read, searched and filtered on the server; personal data comes masked. */
export const InquiryList = () => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const f = (name: string) => translate(`layanan.inquiry.fields.${name}`);
  return (
    <List
      filters={useFilters()}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      perPage={25}
      title={translate('layanan.menu.inquiries')}
      exporter={(rows: Inquiry[]) => downloadCSV(inquiriesCsv(rows, translate, locale), translate('layanan.inquiry.export_file'))}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" label={f('code')} />
        <DataTable.Col source="kind" label={f('kind')} render={(r: Inquiry) => translate(`layanan.kind.${r.kind}`)} />
        <DataTable.Col source="channel" label={f('channel')} render={(r: Inquiry) => translate(`layanan.channel.${r.channel}`)} />
        <DataTable.Col source="subject" label={f('subject')} />
        <DataTable.Col source="applicant.name" label={f('applicant.name')} disableSort />
        <DataTable.Col source="division.name" label={f('division')} disableSort />
        <DataTable.Col source="status" label={f('status')} render={(r: Inquiry) => translate(`layanan.status.${r.status}`)} />
        <DataTable.Col source="receivedAt" label={f('receivedAt')} render={(r: Inquiry) => formatDateTime(r.receivedAt, locale)} />
      </DataTable>
    </List>
  );
};
