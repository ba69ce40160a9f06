import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

const USER = 'plugin::users-permissions.user';

interface ActionProps {
  model: string;
  documentId?: string;
}

/** On a staff account's page: a fresh invitation mail (for an account that has no password yet). */
export const ResendInvitationAction = ({ model, documentId }: ActionProps) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  if (model !== USER || !documentId) return null;
  return {
    label: formatMessage({ id: 'layanan.staff.invite.resend' }),
    position: 'panel' as const,
    variant: 'secondary' as const,
    onClick: async () => {
      try {
        await post(`/users-permissions/staff/${documentId}/invitation`, {});
        toggleNotification({ type: 'success', message: formatMessage({ id: 'layanan.staff.invite.sent' }) });
      } catch (failure) {
        const message = (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? (failure as Error).message;
        toggleNotification({ type: 'danger', message });
      }
    },
  };
};
ResendInvitationAction.type = 'resend-invitation';
