import { useEffect, useRef } from 'react';
import { useCanAccess, useTranslate } from 'react-admin';
import { Alert, CircularProgress, Typography } from '@mui/material';
import type { Inquiry } from '../types';
import { MessageBubble } from './MessageBubble';
import { MessageForm } from './MessageForm';
import { useConversation, useDeliveryPlan } from './useConversation';

/** Every message in and out of the inquiry, like a chat; under it, for the officer, a message to the citizen. */
export const Conversation = ({ inquiry }: { inquiry: Inquiry }) => {
  const translate = useTranslate();
  const { data: messages, isPending, error } = useConversation(inquiry.id);
  const list = useRef<HTMLOListElement>(null);
  // Like a chat, a long conversation opens on its latest message.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages]);
  return (
    <div className="conversation" data-testid="conversation">
      {isPending ? (
        <CircularProgress size={20} aria-label={translate('ra.page.loading')} />
      ) : error ? (
        <Alert severity="warning">{translate('layanan.conversation.unavailable')}</Alert>
      ) : messages.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('layanan.conversation.empty')}
        </Typography>
      ) : (
        <ol className="conversation__messages" ref={list}>
          {messages.map((message) => (
            <MessageBubble key={message.documentId} message={message} inquiryId={String(inquiry.id)} />
          ))}
        </ol>
      )}
      <Compose inquiry={inquiry} />
    </div>
  );
};

/** The form where the channel can send from the system; elsewhere a word that the officer must reach the citizen directly. */
const Compose = ({ inquiry }: { inquiry: Inquiry }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'message', resource: 'inquiries' });
  const { data: plan } = useDeliveryPlan(inquiry.id);
  if (!canAccess || plan === undefined) return null;
  if (plan?.mode === 'adapter') return <MessageForm id={inquiry.id} plan={plan} />;
  return (
    <Typography variant="body2" color="text.secondary" className="conversation__hint" data-testid="conversation-no-sending">
      {translate('layanan.conversation.no_sending', { channel: translate(`layanan.channel.${inquiry.channel}`) })}
    </Typography>
  );
};
