import { useCanAccess, useLocale, useTranslate } from 'react-admin';
import { Alert, Chip, Stack, Typography } from '@mui/material';
import type { AnswerDelivery as DeliveryState } from '@layanan/config';
import type { Inquiry } from '../types';
import { formatDateTime, intlLocale } from '../format';
import { DeliveredForm } from './DeliveredForm';
import { LaporFollowUp } from './LaporFollowUp';
import { awaitsDelivery, deliveryLabel, taskMessage } from './delivery';
import { useDeliveryPlan } from './useConversation';

const TONE: Record<DeliveryState, 'info' | 'success' | 'error' | 'warning'> = { sending: 'info', delivered: 'success', failed: 'error', officer_task: 'warning' };

/** Where the answer stands on its way to the citizen (SOP step 4); the officer's delivery task and its confirmation. */
export const AnswerDelivery = ({ inquiry }: { inquiry: Inquiry }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const { canAccess } = useCanAccess({ action: 'deliver', resource: 'inquiries' });
  const { data: plan } = useDeliveryPlan(inquiry.id);
  const state = inquiry.answerDelivery;
  if (!state) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="answer-delivery">
        {translate(inquiry.answeredAt ? 'layanan.delivery.not_recorded' : 'layanan.delivery.not_answered')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5} data-testid="answer-delivery" data-delivery={state}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Chip size="small" color={TONE[state]} label={deliveryLabel(inquiry, translate)} />
        {state === 'delivered' && inquiry.answerDeliveredAt && (
          <Typography variant="body2">{translate('layanan.delivery.at', { time: formatDateTime(inquiry.answerDeliveredAt, locale) })}</Typography>
        )}
      </Stack>
      {inquiry.answerDeliveryNote && (state !== 'officer_task' || plan?.medium === 'lapor-api') && (
        <Typography variant="body2" color={state === 'failed' ? 'error' : undefined} className="answer-delivery__note">
          {inquiry.answerDeliveryNote}
        </Typography>
      )}
      {awaitsDelivery(inquiry) && plan?.lapor && <LaporFollowUp id={inquiry.id} followUp={plan.lapor} canConfirm={canAccess === true} />}
      {awaitsDelivery(inquiry) && !plan?.lapor && (
        <Alert severity="warning" icon={false} className="answer-delivery__task">
          {taskMessage(inquiry, plan, translate)}
        </Alert>
      )}
      {awaitsDelivery(inquiry) && !plan?.lapor && canAccess && <DeliveredForm id={inquiry.id} />}
    </Stack>
  );
};
