import { useState, type ChangeEvent } from 'react';
import { Box, Button, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { STAFF_CSV_TEMPLATE } from '@layanan/config';

interface Row {
  line: number;
  name: string;
  email: string;
  roleLabel: string | null;
  division: string | null;
  status: 'new' | 'exists' | 'error' | 'created' | 'skipped';
  message: string;
}
interface Review {
  fileError?: string;
  rows: Row[];
  counts: Record<Row['status'], number>;
}

const STATUS_COLOUR: Record<Row['status'], string> = { new: 'success600', created: 'success600', exists: 'neutral600', skipped: 'neutral600', error: 'danger600' };
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(STAFF_CSV_TEMPLATE)}`;

/** Pengaturan → Akun Staf: the IT staff upload a CSV, see every row's fate, then confirm or cancel. */
const StaffImportPage = () => {
  const { post } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `layanan.staff.${id}` }, values);
  const [csv, setCsv] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (path: string, text: string) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await post<{ data: Review }>(`/users-permissions/${path}`, { csv: text });
      setReview(data.data);
      return true;
    } catch (failure) {
      const message = (failure as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? (failure as Error).message;
      setError(t('import.failed', { message }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDone(false);
    setReview(null);
    if (!file) return setCsv(null);
    const text = await file.text();
    setCsv(text);
    await send('staff-import/preview', text);
  };
  const confirm = async () => {
    if (csv && (await send('staff-import', csv))) setDone(true);
  };
  const cancel = () => {
    setCsv(null);
    setReview(null);
    setDone(false);
  };

  return (
    <Main>
      <Layouts.Header title={t('settings.title')} subtitle={t('import.intro')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="flex-start" gap={3}>
              <Typography variant="omega">{t('import.columns')}</Typography>
              <Button tag="a" href={templateHref} download="templat-akun-staf.csv" variant="secondary" startIcon={<Download />}>
                {t('import.template')}
              </Button>
              <label htmlFor="staff-csv">
                <Typography variant="pi" fontWeight="bold">
                  {t('import.file')}
                </Typography>
              </label>
              <input id="staff-csv" key={csv === null ? 'empty' : 'chosen'} type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} />
              {error && (
                <Typography textColor="danger600" role="alert">
                  {error}
                </Typography>
              )}
              {review?.fileError && (
                <Typography textColor="danger600" role="alert">
                  {review.fileError}
                </Typography>
              )}
            </Flex>
          </Box>
          {review && review.rows.length > 0 && (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="p" role="status" data-testid="staff-import-summary">
                  {done ? t('import.done', review.counts) : `${t('import.counts', review.counts)}. ${t('import.previewNote')}`}
                </Typography>
                <Table colCount={6} rowCount={review.rows.length + 1}>
                  <Thead>
                    <Tr>
                      {['line', 'name', 'email', 'role', 'division', 'result'].map((column) => (
                        <Th key={column}>
                          <Typography variant="sigma">{t(`import.${column}`)}</Typography>
                        </Th>
                      ))}
                    </Tr>
                  </Thead>
                  <Tbody>
                    {review.rows.map((row) => (
                      <Tr key={row.line}>
                        <Td>{row.line}</Td>
                        <Td>{row.name}</Td>
                        <Td>{row.email}</Td>
                        <Td>{row.roleLabel ?? '–'}</Td>
                        <Td>{row.division ?? '–'}</Td>
                        <Td>
                          <Typography textColor={STATUS_COLOUR[row.status]} fontWeight="bold">
                            {t(`import.status.${row.status}`)}
                          </Typography>{' '}
                          <Typography textColor={STATUS_COLOUR[row.status]}>{row.message}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
                {!done && (
                  <Flex gap={2}>
                    <Button onClick={confirm} disabled={busy || review.counts.new === 0} loading={busy}>
                      {t('import.confirm', { count: review.counts.new })}
                    </Button>
                    <Button variant="tertiary" onClick={cancel} disabled={busy}>
                      {t('import.cancel')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

export default StaffImportPage;
