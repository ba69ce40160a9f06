import { useState, type FormEvent } from 'react';
import { Title, useDataProvider, useLocale, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Card, MenuItem, Pagination, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, useMediaQuery, type Theme } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { ACCESS_KINDS, ROLE_LABELS, isRoleType, type AccessLogEntry } from '@layanan/config';
import { formatDateTime, intlLocale } from '../format';
import type { AccessLogFilter, LayananDataProvider } from '../providers/dataProvider';
import { useNotifyError } from '../notifyError';

const PAGE_SIZE = 25;
const EMPTY: AccessLogFilter = { from: '', to: '', user: '', code: '', kind: undefined };

/** Only the filters given: an empty field is no filter. */
const given = (filter: AccessLogFilter): AccessLogFilter => Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as AccessLogFilter;

/**
 * Who was shown which citizen's data, when and from where (UU 27/2022 Pasal 31), for leadership and the Petugas
 * Pelindungan Data: filters, a page of rows, and the same rows as a CSV.
 */
const AccessLogPage = () => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [draft, setDraft] = useState<AccessLogFilter>(EMPTY);
  const [filter, setFilter] = useState<AccessLogFilter>({});
  const [page, setPage] = useState(1);
  const t = (key: string, options?: object) => translate(`layanan.accessLog.${key}`, options);
  const { data, error, isPending } = useQuery({
    queryKey: ['access-log', filter, page],
    queryFn: () => dataProvider.getAccessLog(filter, page, PAGE_SIZE),
  });
  const set = (name: keyof AccessLogFilter) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [name]: event.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(given(draft));
    setPage(1);
  };
  const download = async () => {
    try {
      const blob = await dataProvider.downloadAccessLog(filter);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `catatan-akses-data-pribadi${filter.from ? `-${filter.from}` : ''}${filter.to ? `-${filter.to}` : ''}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      notifyError(failure);
    }
  };
  const role = (value: string) => (isRoleType(value) ? ROLE_LABELS[value][locale.startsWith('en') ? 'en' : 'id'] : value);
  const kind = (value: string) => translate(`layanan.accessLog.kinds.${value}`, { _: value });
  const rows = data?.data ?? [];
  const who = (row: AccessLogEntry) => `${row.userName || '–'} (${role(row.role)})`;

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="access-log">
      <Title title={t('title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 820 }}>
        {t('hint')}
      </Typography>
      <Card component="form" onSubmit={apply} sx={{ p: 2, mb: 2, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, minmax(0, 1fr)) auto auto' }, alignItems: 'center' }}>
        <TextField size="small" type="date" label={t('from')} value={draft.from} onChange={set('from')} InputLabelProps={{ shrink: true }} />
        <TextField size="small" type="date" label={t('to')} value={draft.to} onChange={set('to')} InputLabelProps={{ shrink: true }} />
        <TextField size="small" label={t('user')} value={draft.user} onChange={set('user')} inputProps={{ maxLength: 120 }} />
        <TextField size="small" label={t('code')} value={draft.code} onChange={set('code')} inputProps={{ maxLength: 20 }} />
        <TextField size="small" select label={t('kind')} value={draft.kind ?? ''} onChange={set('kind')} sx={{ gridColumn: { xs: '1 / -1', md: 'auto' } }}>
          <MenuItem value="">{t('all_kinds')}</MenuItem>
          {ACCESS_KINDS.map((value) => (
            <MenuItem key={value} value={value}>
              {kind(value)}
            </MenuItem>
          ))}
        </TextField>
        <Button type="submit" variant="contained">
          {t('apply')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download} data-testid="access-log-export">
          {t('export')}
        </Button>
      </Card>
      {error && <Alert severity="error">{(error as Error).message}</Alert>}
      {!isPending && !error && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="access-log-total">
          {data?.total ? t('total', { smart_count: data.total }) : t('empty')}
        </Typography>
      )}
      {rows.length === 0 ? null : phone ? (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
          {rows.map((row, index) => (
            <Card component="li" key={`${row.at}-${index}`} sx={{ p: 1.5 }} data-testid="access-log-row">
              <Typography variant="body2" fontWeight={600}>
                {row.inquiryCode ?? '–'} · {kind(row.kind)}
              </Typography>
              <Typography variant="body2">{who(row)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(row.at, locale)} · {row.ip ?? ''}
                {row.detail ? ` · ${row.detail}` : ''}
              </Typography>
            </Card>
          ))}
        </Box>
      ) : (
        <Card>
          <Table size="small">
            <TableHead>
              <TableRow>
                {['at', 'who', 'code', 'what', 'detail', 'ip'].map((column) => (
                  <TableCell key={column}>{t(`columns.${column}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, index) => (
                <TableRow key={`${row.at}-${index}`} data-testid="access-log-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, locale)}</TableCell>
                  <TableCell>{who(row)}</TableCell>
                  <TableCell>{row.inquiryCode ?? '–'}</TableCell>
                  <TableCell>{kind(row.kind)}</TableCell>
                  <TableCell>{row.detail ?? ''}</TableCell>
                  <TableCell>{row.ip ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {(data?.total ?? 0) > PAGE_SIZE && (
        <Pagination sx={{ mt: 2 }} count={Math.ceil((data?.total ?? 0) / PAGE_SIZE)} page={page} onChange={(_event, next) => setPage(next)} />
      )}
    </Box>
  );
};

export default AccessLogPage;
