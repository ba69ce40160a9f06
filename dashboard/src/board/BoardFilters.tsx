import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField, useMediaQuery } from '@mui/material';
import { CHANNELS, KINDS, SOP_STEPS } from '@layanan/config';
import type { Division } from '../types';
import type { BoardFilter } from './boardModel';

const PHONE = '(max-width: 599.95px)';

/** How many filters narrow the board now: the phone's one button says it. */
export function activeFilters(filter: BoardFilter): number {
  return [filter.text?.trim(), filter.channel, filter.kind, filter.division, filter.breached, filter.awaitingDelivery].filter(Boolean).length;
}

/** On a phone the cards come first: the search and the filters wait behind one button that counts them. */
export const BoardFilters = ({ filter, onChange }: { filter: BoardFilter; onChange: (filter: BoardFilter) => void }) => {
  const translate = useTranslate();
  const phone = useMediaQuery(PHONE);
  const [open, setOpen] = useState(false);
  const count = activeFilters(filter);
  if (phone && !open) {
    return (
      <Stack direction="row" className="board-filters board-filters--folded">
        <Button size="small" variant="outlined" aria-expanded={false} aria-controls="board-filters" onClick={() => setOpen(true)}>
          {translate(count > 0 ? 'layanan.board.filters_active' : 'layanan.board.filters', { count })}
        </Button>
      </Stack>
    );
  }
  return (
    <>
      {phone && (
        <Stack direction="row" className="board-filters board-filters--folded">
          <Button size="small" variant="contained" aria-expanded aria-controls="board-filters" onClick={() => setOpen(false)}>
            {translate('layanan.board.filters_hide')}
          </Button>
        </Stack>
      )}
      <FilterFields filter={filter} onChange={onChange} />
    </>
  );
};

const FilterFields = ({ filter, onChange }: { filter: BoardFilter; onChange: (filter: BoardFilter) => void }) => {
  const translate = useTranslate();
  const { data: divisions = [] } = useGetList<Division>('divisions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const set = (patch: BoardFilter) => onChange({ ...filter, ...patch });
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" className="board-filters" id="board-filters">
      <TextField size="small" fullWidth={false} type="search" name="board-search" label={translate('layanan.board.search')} value={filter.text ?? ''} onChange={(event) => set({ text: event.target.value })} sx={{ minWidth: 220 }} />
      <TextField size="small" fullWidth={false} select label={translate('layanan.inquiry.fields.channel')} value={filter.channel ?? ''} onChange={(event) => set({ channel: event.target.value })} sx={{ minWidth: 150 }}>
        <MenuItem value="">{translate('layanan.board.all_channels')}</MenuItem>
        {CHANNELS.map((channel) => (
          <MenuItem key={channel} value={channel}>
            {translate(`layanan.channel.${channel}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" fullWidth={false} select label={translate('layanan.inquiry.fields.kind')} value={filter.kind ?? ''} onChange={(event) => set({ kind: event.target.value })} sx={{ minWidth: 130 }}>
        <MenuItem value="">{translate('layanan.board.all_kinds')}</MenuItem>
        {KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {translate(`layanan.kind.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" fullWidth={false} select label={translate('layanan.inquiry.fields.division')} value={filter.division ?? ''} onChange={(event) => set({ division: event.target.value })} sx={{ minWidth: 170 }}>
        <MenuItem value="">{translate('layanan.board.all_divisions')}</MenuItem>
        {divisions.map((division) => (
          <MenuItem key={division.documentId} value={division.documentId}>
            {division.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        fullWidth={false}
        select
        name="board-breached"
        label={translate('layanan.board.deadline')}
        value={filter.breached ?? ''}
        onChange={(event) => set({ breached: (event.target.value || undefined) as BoardFilter['breached'] })}
        sx={{ minWidth: 230 }}
      >
        <MenuItem value="">{translate('layanan.board.all_deadlines')}</MenuItem>
        <MenuItem value="any">{translate('layanan.board.breached_any')}</MenuItem>
        {SOP_STEPS.map((step) => (
          <MenuItem key={step} value={step}>
            {translate('layanan.board.breached_step', { step: translate(`layanan.sla.step.${step}`) })}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Checkbox size="small" checked={Boolean(filter.awaitingDelivery)} onChange={(event) => set({ awaitingDelivery: event.target.checked })} />}
        label={translate('layanan.board.awaiting_delivery')}
      />
    </Stack>
  );
};
