import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Box, Button, Stack, TextField } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { DeliveryPlan } from '../types';
import { useNotifyError } from '../notifyError';
import { eventsKey } from './Timeline';
import { conversationKey } from './useConversation';
import { mediumLabel } from './delivery';

const MIN_LENGTH = 3;
const MAX_LENGTH = 5000;

/** The officer's message to the citizen that is not the answer (a missing detail, a document photo); no step changes. */
export const MessageForm = ({ id, plan }: { id: string; plan: DeliveryPlan }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: (message: string) => dataProvider.sendMessage(id, { text: message }),
    onSuccess: async (queued) => {
      setText('');
      notify('layanan.conversation.sent', { type: 'success', messageArgs: { address: queued.address ?? '' } });
      await Promise.all([queryClient.invalidateQueries({ queryKey: conversationKey(id) }), queryClient.invalidateQueries({ queryKey: eventsKey(id) })]);
    },
    onError: notifyError,
  });
  const ready = text.trim().length >= MIN_LENGTH && !send.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) send.mutate(text.trim());
  };
  return (
    <Box component="form" onSubmit={submit} className="message-form" noValidate>
      <Stack spacing={1}>
        <TextField
          label={translate('layanan.conversation.message_label')}
          name="message"
          value={text}
          onChange={(event) => setText(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          inputProps={{ maxLength: MAX_LENGTH }}
          helperText={translate('layanan.conversation.message_hint', { medium: mediumLabel(plan.medium, plan.channel, translate), address: plan.address ?? '' })}
        />
        <Stack direction="row" justifyContent="flex-end">
          <Button type="submit" variant="contained" size="small" disabled={!ready}>
            {translate('layanan.conversation.send')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
};
