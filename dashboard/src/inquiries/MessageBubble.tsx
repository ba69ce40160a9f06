import { useLocale, useTranslate } from 'react-admin';
import { Chip, Typography } from '@mui/material';
import type { ConversationMessage } from '../types';
import { formatDateTime, intlLocale } from '../format';
import { AttachmentItem } from './AttachmentItem';
import { statusChip } from './delivery';

/** One message of the conversation: the citizen's on the left, ours on the right. */
export const MessageBubble = ({ message, inquiryId }: { message: ConversationMessage; inquiryId: string }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const chip = message.direction === 'out' ? statusChip(message.status, message.cause, translate) : null;
  const who = translate(message.direction === 'in' ? 'layanan.conversation.citizen' : 'layanan.conversation.office');
  return (
    <li className={`message message--${message.direction}`} data-message={message.purpose} data-direction={message.direction}>
      <div className="message__bubble">
        <div className="message__head">
          <span className="message__purpose">{translate(`layanan.conversation.purpose.${message.purpose}`)}</span>
          <span>
            {who} · {translate(`layanan.channel.${message.channel}`, { _: message.channel })}
          </span>
        </div>
        {message.text && (
          <Typography variant="body2" className="message__text">
            {message.text}
          </Typography>
        )}
        {message.attachments && message.attachments.length > 0 && (
          <ul className="message__attachments">
            {message.attachments.map((file, i) => (
              <AttachmentItem key={`${file.filename}-${i}`} file={file} inquiryId={inquiryId} messageId={message.documentId} index={i} />
            ))}
          </ul>
        )}
        <div className="message__foot">
          <time dateTime={message.at}>{formatDateTime(message.at, locale)}</time>
          {chip && <Chip size="small" label={chip.label} color={chip.tone} variant="outlined" className="message__status" data-status={message.status} />}
        </div>
      </div>
    </li>
  );
};
