import { useState } from 'react';
import { useCanAccess, useDataProvider, useLocale, useTranslate } from 'react-admin';
import { Button } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { opensInline } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { MessageAttachment } from '../types';
import { formatBytes, intlLocale } from '../format';
import { useNotifyError } from '../notifyError';

/** How long a fetched file stays reachable in the browser after it was opened. */
const OBJECT_URL_MS = 60_000;

/**
 * One file of a message. A chat medium's file is fetched from the medium when staff ask for it (it is not
 * kept here): a photo, PDF, sound or video opens in a new tab, anything else downloads, so a citizen's HTML
 * never runs as the dashboard.
 */
export const AttachmentItem = ({ file, inquiryId, messageId, index }: { file: MessageAttachment; inquiryId: string; messageId: string; index: number }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const dataProvider = useDataProvider<LayananDataProvider>();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  // A KTP photo is personal data: the staff who handle the request open it, leadership does not.
  const { canAccess } = useCanAccess({ action: 'attachment', resource: 'inquiries' });
  const name = file.filename || translate(`layanan.conversation.media.${file.media ?? 'file'}`, { _: translate('layanan.conversation.media.file') });

  async function open() {
    // Opened before the fetch, while the click still counts as the officer's: a popup blocker lets it through.
    const tab = opensInline(file.mimeType) ? window.open('', '_blank') : null;
    setBusy(true);
    try {
      const blob = await dataProvider.getAttachment(inquiryId, messageId, index);
      const url = URL.createObjectURL(blob);
      setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_MS);
      if (tab && opensInline(blob.type)) {
        tab.location.href = url;
        return;
      }
      tab?.close();
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename || `${name}-${index + 1}`;
      link.click();
    } catch (error) {
      tab?.close();
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-omitted={file.omitted ? 'true' : 'false'} data-attachment={index}>
      <AttachFileIcon fontSize="inherit" />
      <span>
        {name}
        {typeof file.size === 'number' && ` (${formatBytes(file.size, locale)})`}
        {file.omitted && ` · ${translate('layanan.conversation.omitted')}`}
      </span>
      {file.openable && canAccess && (
        <Button size="small" onClick={open} disabled={busy} className="message__open">
          {translate(busy ? 'layanan.conversation.opening' : opensInline(file.mimeType) ? 'layanan.conversation.open' : 'layanan.conversation.download')}
        </Button>
      )}
    </li>
  );
};
