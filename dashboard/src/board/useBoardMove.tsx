import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import type { Action, Status } from '@layanan/config';
import type { Inquiry } from '../types';
import { ActionForm } from '../inquiries/ActionForm';
import { useInquiryAction, type ActionInput } from '../inquiries/useInquiryAction';
import { actionForMove, cardAfterMove } from './boardModel';
import { errorMessage } from '../notifyError';
import { officerDelivers } from '../inquiries/delivery';

interface Pending {
  original: Inquiry;
  action: Action;
  to: Status;
}

/** A rejection is not a move to "Selesai", and a spoken answer still has to be delivered: the toast says so. */
function movedMessage(action: Action, updated: Inquiry): string {
  if (action === 'reject') return 'layanan.board.rejected';
  if (action === 'answer' && officerDelivers(updated)) return 'layanan.board.answered_officer';
  return 'layanan.board.moved';
}

/** Actions that need nothing more than the move itself. */
const WITHOUT_FORM: readonly Action[] = ['close'];

/**
 * A move on the board: the card shows in its new column at once, the action's form opens if it needs
 * input, then the action route runs. When the server refuses (409, 403, 400) the card goes back where it
 * was and a notification says why.
 */
export function useBoardMove(setInquiries: Dispatch<SetStateAction<Inquiry[]>>, apply: (changed: Inquiry[]) => void) {
  const translate = useTranslate();
  const notify = useNotify();
  const run = useInquiryAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Back to the card the move was about, wherever it now stands (the menu button that opened the dialog
  // may be gone), once the dialog has left the page: while it is open its focus trap takes focus back.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId || pending) return;
    document.querySelector<HTMLElement>(`[data-card="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId, pending]);

  const place = useCallback((inquiry: Inquiry) => setInquiries((list) => list.map((item) => (item.id === inquiry.id ? inquiry : item))), [setInquiries]);

  const perform = useCallback(
    async ({ original, action, to }: Pending, input: ActionInput) => {
      setSubmitting(true);
      try {
        const updated = await run(action, original.id, input);
        apply([cardAfterMove(original, updated)]);
        notify(movedMessage(action, updated), { type: 'success', messageArgs: { code: original.code, status: translate(`layanan.status.${to}`) } });
      } catch (error) {
        place(original);
        notify('layanan.board.refused', { type: 'error', autoHideDuration: 8000, messageArgs: { code: original.code, message: errorMessage(error) } });
      } finally {
        setSubmitting(false);
        setPending(null);
        setFocusId(original.id);
      }
    },
    [run, apply, notify, translate, place],
  );

  const request = useCallback(
    (inquiry: Inquiry, to: Status) => {
      if (inquiry.status === to) return;
      const action = actionForMove(inquiry.status, to);
      if (!action) {
        notify('layanan.board.no_action', { type: 'warning', messageArgs: { from: translate(`layanan.status.${inquiry.status}`), to: translate(`layanan.status.${to}`) } });
        return;
      }
      place({ ...inquiry, status: to });
      const move = { original: inquiry, action, to };
      if (WITHOUT_FORM.includes(action)) void perform(move, {});
      else setPending(move);
    },
    [notify, translate, place, perform],
  );

  const cancel = () => {
    if (pending && !submitting) {
      place(pending.original);
      setPending(null);
      setFocusId(pending.original.id);
    }
  };

  const dialog = pending ? (
    <Dialog open onClose={cancel} fullWidth maxWidth="sm" aria-labelledby="move-dialog-title" disableRestoreFocus>
      <DialogTitle id="move-dialog-title">
        {translate(`layanan.actions.${pending.action}`)} · {pending.original.code}
      </DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <ActionForm action={pending.action} inquiry={pending.original} submitting={submitting} onSubmit={(input) => perform(pending, input)} onCancel={cancel} />
      </DialogContent>
    </Dialog>
  ) : null;

  return { request, dialog };
}
