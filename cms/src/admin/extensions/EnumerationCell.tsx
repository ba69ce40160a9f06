import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** A list cell of an enumeration, by the same label the edit view's select shows instead of the stored code. */
export const EnumerationCell = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  return <Typography textColor="neutral800">{typeof value === 'string' ? formatMessage({ id: value, defaultMessage: value }) : '-'}</Typography>;
};
