import { Button, ButtonGroup, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CHANNELS, KINDS } from '@layanan/config';
import type { RecapQuery } from '../types';
import { DateField } from './DateField';
import { PRESETS, presetRange } from './recapModel';

interface Props {
  query: RecapQuery;
  divisions: { documentId: string; name: string }[];
  onChange(query: RecapQuery): void;
}

/** The range (presets, or two dates in WIB), the grouping, and the filters the whole page follows. */
export const RecapFilters = ({ query, divisions, onChange }: Props) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`layanan.recap.${key}`);
  const set = (patch: Partial<RecapQuery>) => onChange({ ...query, ...patch });
  const select = (label: string, value: string | undefined, options: { id: string; name: string }[], all: string, apply: (value?: string) => void) => (
    <TextField select size="small" fullWidth={false} label={label} value={value ?? ''} onChange={(event) => apply(event.target.value || undefined)} sx={{ minWidth: 170 }}>
      <MenuItem value="">{all}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.id} value={option.id}>
          {option.name}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <div className="recap-filters" role="group" aria-label={t('title')}>
      <ButtonGroup size="small" variant="outlined">
        {PRESETS.map((preset) => (
          <Button key={preset} onClick={() => set({ ...presetRange(preset, new Date()), groupBy: preset === 'thisYear' ? 'month' : 'day' })}>
            {t(`presets.${preset}`)}
          </Button>
        ))}
      </ButtonGroup>
      <DateField label={t('from')} value={query.from} onChange={(from) => set({ from })} />
      <DateField label={t('to')} value={query.to} onChange={(to) => set({ to })} />
      {select(
        t('group_by'),
        query.groupBy,
        (['day', 'week', 'month'] as const).map((id) => ({ id, name: t(`group.${id}`) })),
        t('group.auto'),
        (value) => set({ groupBy: value as RecapQuery['groupBy'] }),
      )}
      {select(
        translate('layanan.inquiry.fields.channel'),
        query.channel,
        CHANNELS.map((id) => ({ id, name: translate(`layanan.channel.${id}`) })),
        t('all_channels'),
        (value) => set({ channel: value as RecapQuery['channel'] }),
      )}
      {select(
        translate('layanan.inquiry.fields.kind'),
        query.kind,
        KINDS.map((id) => ({ id, name: translate(`layanan.kind.${id}`) })),
        t('all_kinds'),
        (value) => set({ kind: value as RecapQuery['kind'] }),
      )}
      {select(
        translate('layanan.inquiry.fields.division'),
        query.division,
        [...divisions.map((d) => ({ id: d.documentId, name: d.name })), { id: 'none', name: t('no_division') }],
        t('all_divisions'),
        (value) => set({ division: value }),
      )}
    </div>
  );
};
