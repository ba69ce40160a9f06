import { useState } from 'react';
import { useCanAccess, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Stack } from '@mui/material';
import { ACTIONS, canTransition, type Action } from '@layanan/config';
import type { Inquiry } from '../types';
import { ActionForm } from './ActionForm';
import { answerDoneMessage } from './delivery';
import { eventsKey } from './Timeline';
import { useInquiryAction, type ActionInput } from './useInquiryAction';
import { useNotifyError } from '../notifyError';

const ActionButton = ({ action, active, onClick }: { action: Action; active: boolean; onClick: () => void }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action, resource: 'inquiries' });
  if (!canAccess) return null;
  return (
    <Button variant={active ? 'contained' : 'outlined'} color={action === 'reject' ? 'error' : 'primary'} onClick={onClick} size="small" data-action={action}>
      {translate(`layanan.actions.${action}`)}
    </Button>
  );
};

/** The actions the current state allows and the current role may take, each opening its small form. */
export const InquiryActions = ({ inquiry }: { inquiry: Inquiry }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const run = useInquiryAction();
  const [open, setOpen] = useState<Action | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const possible = ACTIONS.filter((action) => canTransition(inquiry.status, action));

  const submit = async (action: Action, input: ActionInput) => {
    setSubmitting(true);
    try {
      const updated = await run(action, inquiry.id, input);
      notify(action === 'answer' ? answerDoneMessage(updated) : `layanan.actions.done.${action}`, { type: 'success', messageArgs: { division: updated.division?.name ?? '' } });
      setOpen(null);
      await queryClient.invalidateQueries({ queryKey: eventsKey(inquiry.id) });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setSubmitting(false);
    }
  };

  if (possible.length === 0) return null;
  return (
    <Stack spacing={2} className="inquiry-actions">
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {possible.map((action) => (
          <ActionButton key={action} action={action} active={open === action} onClick={() => setOpen(open === action ? null : action)} />
        ))}
      </Stack>
      {open && <ActionForm key={open} action={open} inquiry={inquiry} submitting={submitting} onSubmit={(input) => submit(open, input)} onCancel={() => setOpen(null)} />}
    </Stack>
  );
};
