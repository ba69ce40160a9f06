import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useDataProvider, useGetList, useGetOne, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { isSpokenAnswer, type Action } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { Division, FaqEntry, Inquiry } from '../types';
import type { ActionInput } from './useInquiryAction';
import { FaqSearch } from './FaqSearch';
import { insertAt } from './composeAnswer';
import { planMessage } from './delivery';
import { useDeliveryPlan } from './useConversation';
import './actionForm.css';

interface Props {
  action: Action;
  inquiry: Inquiry;
  submitting?: boolean;
  onSubmit: (input: ActionInput) => void;
  onCancel?: () => void;
}

const MIN_LENGTH: Partial<Record<Action, number>> = { coordinate: 3, answer: 3, reject: 3 };

/** The small form of one SOP action: what the server needs for it, nothing more. */
export const ActionForm = ({ action, inquiry, submitting, onSubmit, onCancel }: Props) => {
  const translate = useTranslate();
  const [input, setInput] = useState<ActionInput>(() => (action === 'answer' && inquiry.divisionInformation ? { answer: inquiry.divisionInformation } : {}));
  const set = (patch: ActionInput) => setInput((current) => ({ ...current, ...patch }));
  const text = action === 'coordinate' ? input.information : action === 'answer' ? input.answer : input.reason;
  const ready = action === 'triage' ? Boolean(input.division) : (text?.trim().length ?? 0) >= (MIN_LENGTH[action] ?? 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready && !submitting) onSubmit(input);
  };

  return (
    <Box component="form" onSubmit={submit} className={`action-form action-form--${action}`} noValidate>
      <Stack spacing={2}>
        {action === 'triage' && <TriageFields inquiry={inquiry} input={input} set={set} />}
        {action === 'coordinate' && (
          <TextField
            label={translate('layanan.actions.information')}
            name="information"
            value={input.information ?? ''}
            onChange={(event) => set({ information: event.target.value })}
            multiline
            minRows={4}
            required
            autoFocus
            fullWidth
          />
        )}
        {action === 'answer' && <AnswerFields inquiry={inquiry} input={input} set={set} />}
        {(action === 'close' || action === 'reject') && (
          <TextField
            label={translate(action === 'close' ? 'layanan.actions.close_reason' : 'layanan.actions.reject_reason')}
            name="reason"
            value={input.reason ?? ''}
            onChange={(event) => set({ reason: event.target.value })}
            multiline
            minRows={2}
            required={action === 'reject'}
            autoFocus
            fullWidth
          />
        )}
        <Stack direction="row" spacing={1} justifyContent="flex-end">
          {onCancel && (
            <Button onClick={onCancel} disabled={submitting}>
              {translate('layanan.actions.cancel')}
            </Button>
          )}
          <Button type="submit" variant="contained" disabled={!ready || submitting} color={action === 'reject' ? 'error' : 'primary'}>
            {translate(action === 'answer' && isSpokenAnswer(inquiry.channel) ? 'layanan.actions.confirm.answer_spoken' : `layanan.actions.confirm.${action}`)}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
};

/**
 * The answer, composed from the Bidang's information (pre-filled) and FAQ entries inserted where the cursor
 * is, with the citizen's question and the Bidang's information in view; beforehand, where it will go.
 */
const AnswerFields = ({ inquiry, input, set }: { inquiry: Inquiry; input: ActionInput; set: (patch: ActionInput) => void }) => {
  const translate = useTranslate();
  const { data: plan } = useDeliveryPlan(inquiry.id);
  // A card on the board carries no long texts: the question and the Bidang's information are read here.
  const { data: full } = useGetOne<Inquiry>('inquiries', { id: inquiry.id }, { enabled: inquiry.message === undefined });
  const message = inquiry.message ?? full?.message;
  const information = inquiry.divisionInformation ?? full?.divisionInformation;
  const box = useRef<HTMLTextAreaElement | null>(null);
  const [undo, setUndo] = useState<ActionInput | null>(null);
  useEffect(() => {
    if (information && input.answer === undefined) set({ answer: information });
    // Pre-filled once the information is known; what the officer wrote since stays.
  }, [information]);
  const where = plan ? planMessage(plan, translate) : translate('layanan.actions.answer_channel', { channel: translate(`layanan.channel.${inquiry.channel}`) });

  const insert = (entry: FaqEntry) => {
    const text = input.answer ?? '';
    const area = box.current;
    const focused = area !== null && document.activeElement === area;
    const { text: next, cursor } = area ? insertAt(text, entry.answer, area.selectionStart, area.selectionEnd) : insertAt(text, entry.answer);
    setUndo({ answer: input.answer, faqEntry: input.faqEntry });
    set({ answer: next, faqEntry: entry.documentId });
    requestAnimationFrame(() => {
      if (!box.current) return;
      box.current.focus();
      box.current.setSelectionRange(cursor, cursor);
      if (!focused) box.current.scrollTop = box.current.scrollHeight;
    });
  };

  return (
    <>
      {message && <Quote label={translate('layanan.actions.question')} text={message} testId="answer-question" />}
      {information && <Quote label={translate('layanan.actions.division_information')} text={information} testId="answer-information" />}
      <FaqSearch initial={inquiry.subject} onInsert={insert} />
      <TextField
        label={translate('layanan.actions.answer_text')}
        name="answer"
        value={input.answer ?? ''}
        onChange={(event) => {
          setUndo(null);
          set({ answer: event.target.value });
        }}
        inputRef={box}
        multiline
        minRows={5}
        required
        fullWidth
        helperText={<span data-testid="answer-plan">{where}</span>}
      />
      {undo && (
        <Box>
          <Button
            size="small"
            onClick={() => {
              set(undo);
              setUndo(null);
            }}
          >
            {translate('layanan.actions.faq_undo')}
          </Button>
        </Box>
      )}
    </>
  );
};

const Quote = ({ label, text, testId }: { label: string; text: string; testId: string }) => (
  <Box component="section" aria-label={label} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" component="h3" sx={{ m: 0 }}>
      {label}
    </Typography>
    <Typography variant="body2" className="action-form__message">
      {text}
    </Typography>
  </Box>
);

/** The division picker, pre-filled with the Bidang the server's search engine finds for the request's text. */
const TriageFields = ({ inquiry, input, set }: { inquiry: Inquiry; input: ActionInput; set: (patch: ActionInput) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { data: divisions = [] } = useGetList<Division>('divisions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const { data: full } = useGetOne<Inquiry>('inquiries', { id: inquiry.id }, { enabled: inquiry.message === undefined });
  const message = inquiry.message ?? full?.message;
  const text = `${inquiry.subject}\n${message ?? ''}`;
  const { data: suggestion = null } = useQuery({
    queryKey: ['division-suggestion', text],
    queryFn: () => dataProvider.suggestDivision(text),
    enabled: message !== undefined,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (suggestion && !input.division) set({ division: suggestion.documentId });
    // Only a new suggestion pre-fills; a choice the officer made stays.
  }, [suggestion]);
  const active = divisions.filter((division) => division.active !== false);
  return (
    <>
      <TextField
        select
        label={translate('layanan.actions.division')}
        name="division"
        value={input.division ?? ''}
        onChange={(event) => set({ division: event.target.value })}
        required
        fullWidth
        helperText={suggestion ? translate('layanan.actions.suggested', { division: suggestion.name }) : ' '}
      >
        {active.map((division) => (
          <MenuItem key={division.documentId} value={division.documentId}>
            {division.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField label={translate('layanan.actions.note')} name="note" value={input.note ?? ''} onChange={(event) => set({ note: event.target.value })} fullWidth />
      {message && (
        <Typography variant="body2" color="text.secondary" className="action-form__message">
          {message}
        </Typography>
      )}
    </>
  );
};
