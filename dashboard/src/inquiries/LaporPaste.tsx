import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { LaporDraft } from '../types';
import { useNotifyError } from '../notifyError';

const FIELDS = ['kind', 'subject', 'message', 'serviceCategory', 'externalRef', 'notes', 'applicant.name', 'applicant.email', 'applicant.phone'] as const;

function valueOf(draft: LaporDraft, field: (typeof FIELDS)[number]): string {
  if (field.startsWith('applicant.')) return draft.applicant[field.slice('applicant.'.length) as keyof LaporDraft['applicant']] ?? '';
  return String(draft[field as Exclude<typeof field, `applicant.${string}`>] ?? '');
}

/**
 * "Tempel dari LAPOR!": the officer pastes a report copied from the LAPOR! admin page or its notification
 * mail, and the intake's fields are filled in from it for review; nothing is saved until *Simpan*.
 */
export const LaporPaste = () => {
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { setValue } = useFormContext();
  const [text, setText] = useState('');
  const read = useMutation({
    mutationFn: () => dataProvider.parseLaporReport(text),
    onSuccess: ({ draft }) => {
      for (const field of FIELDS) setValue(field, valueOf(draft, field), { shouldDirty: true, shouldValidate: true });
      // Not a field of the form: what LAPOR! showed for the report goes with the intake, stamped by the server.
      setValue('laporStatus', draft.laporStatus ?? '');
    },
    onError: notifyError,
  });
  const missing = read.data?.missing ?? [];
  return (
    <Box className="lapor-paste" data-testid="lapor-paste" sx={{ width: '100%', mb: 1 }}>
      <Stack spacing={1}>
        <Typography variant="subtitle2">{translate('layanan.lapor.paste.title')}</Typography>
        <TextField
          label={translate('layanan.lapor.paste.label')}
          helperText={translate('layanan.lapor.paste.hint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={3}
          maxRows={10}
          fullWidth
          inputProps={{ 'data-testid': 'lapor-paste-text', maxLength: 20000 }}
        />
        <Stack direction="row" spacing={1} alignItems="center">
          <Button variant="outlined" size="small" startIcon={<ContentPasteIcon />} disabled={!text.trim() || read.isPending} onClick={() => read.mutate()}>
            {translate('layanan.lapor.paste.fill')}
          </Button>
        </Stack>
        {read.isSuccess && (
          <Alert severity={missing.length ? 'warning' : 'success'} data-testid="lapor-paste-result">
            {missing.length
              ? translate('layanan.lapor.paste.missing', { fields: missing.map((field) => translate(`layanan.lapor.fields.${field}`)).join(', ') })
              : translate('layanan.lapor.paste.filled')}
          </Alert>
        )}
      </Stack>
    </Box>
  );
};
