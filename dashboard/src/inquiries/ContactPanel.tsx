import { useCanAccess, useCreatePath, useDataProvider, useLocale, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Link, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { Inquiry, RelatedInquiry } from '../types';
import type { LayananDataProvider } from '../providers/dataProvider';
import { formatDateTime, intlLocale } from '../format';

function Related({ title, items, testId }: { title: string; items: RelatedInquiry[]; testId: string }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const locale = intlLocale(useLocale());
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography variant="subtitle2">{title}</Typography>
      <Stack component="ul" spacing={0.5} sx={{ pl: 2, my: 0.5 }}>
        {items.map((item) => (
          <li key={item.documentId}>
            <Link component={RouterLink} to={createPath({ resource: 'inquiries', id: item.documentId, type: 'show' })}>
              {item.code}
            </Link>{' '}
            {item.subject} · {translate(`layanan.channel.${item.channel}`)} · {translate(`layanan.status.${item.status}`)} · {formatDateTime(item.receivedAt, locale)}
          </li>
        ))}
      </Stack>
    </div>
  );
}

/**
 * The citizen as the channel knows them (officers only): the name they show, when they last wrote, their
 * other requests on the channel, and requests elsewhere with the same phone or e-mail, offered as "the same
 * person?" for the officer to judge: nothing is merged by itself.
 */
export const ContactPanel = ({ inquiry }: { inquiry: Inquiry }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { canAccess } = useCanAccess({ action: 'contact', resource: 'inquiries' });
  const { data } = useQuery({ queryKey: ['inquiry-contact', inquiry.id], queryFn: () => dataProvider.getContact(inquiry.id), enabled: Boolean(canAccess), retry: false, staleTime: 60_000 });
  if (!canAccess || !data || (!data.contact && data.earlier.length === 0 && data.suggested.length === 0)) return null;
  return (
    <Stack spacing={1} data-testid="contact-panel">
      {data.contact && (
        <Typography variant="body2">
          {translate('layanan.contact.seen', {
            name: data.contact.displayName ?? data.contact.address,
            address: data.contact.address,
            channel: translate(`layanan.channel.${data.contact.channel}`),
            time: formatDateTime(data.contact.lastInboundAt, locale),
          })}
        </Typography>
      )}
      <Related title={translate('layanan.contact.earlier')} items={data.earlier} testId="contact-earlier" />
      <Related title={translate('layanan.contact.suggested')} items={data.suggested} testId="contact-suggested" />
    </Stack>
  );
};
