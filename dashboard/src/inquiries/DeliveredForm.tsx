import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Box, Button, Chip, Stack, TextField } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';
import { fromOfficeInput, officeInputValue } from '../format';
import { useNotifyError } from '../notifyError';
import { eventsKey } from './Timeline';
import { DateTimeField } from './DateTimeField';

const CHOICES = ['counter', 'phone', 'radio'] as const;
type Choice = (typeof CHOICES)[number] | 'lapor';
const MIN_LENGTH = 3;
const MAX_LENGTH = 1000;

/**
 * The officer's *Sudah disampaikan*: how the answer reached the citizen, and when (WIB, now unless changed).
 * A LAPOR! follow-up has one way (uploaded on the report's page) and asks when it was posted.
 */
export const DeliveredForm = ({ id, choices = CHOICES, preset, confirmLabel = 'layanan.delivery.confirm', whenLabel = 'layanan.delivery.when' }: { id: string; choices?: readonly Choice[]; preset?: Choice; confirmLabel?: string; whenLabel?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const [how, setHow] = useState(() => (preset ? translate(`layanan.delivery.choices.${preset}`) : ''));
  const [when, setWhen] = useState(() => officeInputValue(new Date()));
  const at = fromOfficeInput(when);
  const confirm = useMutation({
    mutationFn: () => dataProvider.confirmDelivery(id, { how: how.trim(), ...(at ? { at: at.toISOString() } : {}) }),
    onSuccess: async () => {
      notify('layanan.delivery.confirmed', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: eventsKey(id) });
      refresh();
    },
    onError: notifyError,
  });
  const ready = how.trim().length >= MIN_LENGTH && at !== null && !confirm.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) confirm.mutate();
  };
  return (
    <Box component="form" onSubmit={submit} className="delivered-form" noValidate data-testid="delivered-form">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {choices.map((choice) => {
            const text = translate(`layanan.delivery.choices.${choice}`);
            return <Chip key={choice} label={text} size="small" variant={how === text ? 'filled' : 'outlined'} color="primary" onClick={() => setHow(text)} />;
          })}
        </Stack>
        <TextField label={translate('layanan.delivery.how')} name="how" value={how} onChange={(event) => setHow(event.target.value)} required fullWidth inputProps={{ maxLength: MAX_LENGTH }} />
        <DateTimeField label={translate(whenLabel)} name="when" value={when} onChange={setWhen} />
        <Stack direction="row" justifyContent="flex-end">
          <Button type="submit" variant="contained" size="small" disabled={!ready}>
            {translate(confirmLabel)}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
};
