import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import type { LaporImportOutcome, LaporImportRow } from '../types';

const COLORS: Record<LaporImportOutcome, 'success' | 'default' | 'warning' | 'error' | 'info'> = {
  new: 'info',
  created: 'success',
  duplicate_existing: 'default',
  duplicate_file: 'warning',
  invalid: 'error',
  failed: 'error',
};
const ORDER: LaporImportOutcome[] = ['new', 'created', 'duplicate_existing', 'duplicate_file', 'invalid', 'failed'];
const PAGE = 50;

const InquiryLink = ({ code, documentId }: { code: string; documentId: string }) => (
  <Link component={RouterLink} to={`/inquiries/${encodeURIComponent(documentId)}/show`}>
    {code}
  </Link>
);

function Detail({ row }: { row: LaporImportRow }) {
  const translate = useTranslate();
  return (
    <Stack spacing={0.25}>
      {row.created && <InquiryLink {...row.created} />}
      {row.existing && (
        <span>
          {translate('layanan.lapor.import.existing')} <InquiryLink {...row.existing} />
        </span>
      )}
      {row.sameAsRow !== undefined && <span>{translate('layanan.lapor.import.same_as_row', { row: row.sameAsRow })}</span>}
      {row.problems.map((problem) => (
        <Typography key={problem} variant="body2" color="error">
          {problem}
        </Typography>
      ))}
      {row.warnings.map((warning) => (
        <Typography key={warning} variant="body2" color="warning.dark">
          {warning}
        </Typography>
      ))}
    </Stack>
  );
}

/** The rows of a preview or an import, filtered by what became of them, a page at a time. */
export const ImportRows = ({ rows }: { rows: LaporImportRow[] }) => {
  const translate = useTranslate();
  const [outcome, setOutcome] = useState<LaporImportOutcome | null>(null);
  const [page, setPage] = useState(0);
  const counts = useMemo(() => ORDER.map((o) => [o, rows.filter((row) => row.outcome === o).length] as const).filter(([, n]) => n > 0), [rows]);
  const shown = outcome ? rows.filter((row) => row.outcome === outcome) : rows;
  const choose = (next: LaporImportOutcome | null) => {
    setOutcome(next);
    setPage(0);
  };
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ my: 1 }} data-testid="lapor-import-filters">
        <Chip label={translate('layanan.lapor.import.all', { count: rows.length })} variant={outcome === null ? 'filled' : 'outlined'} onClick={() => choose(null)} />
        {counts.map(([o, n]) => (
          <Chip key={o} color={COLORS[o]} label={`${translate(`layanan.lapor.import.outcome.${o}`)} (${n.toLocaleString('id-ID')})`} variant={outcome === o ? 'filled' : 'outlined'} onClick={() => choose(o)} />
        ))}
      </Stack>
      <Table size="small" data-testid="lapor-import-rows">
        <TableHead>
          <TableRow>
            {(['row', 'trackingId', 'subject', 'reporter', 'outcome', 'detail'] as const).map((column) => (
              <TableCell key={column}>{translate(`layanan.lapor.import.columns.${column}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.slice(page * PAGE, (page + 1) * PAGE).map((row) => (
            <TableRow key={row.row} hover>
              <TableCell>{row.row}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{row.trackingId ?? '—'}</TableCell>
              <TableCell sx={{ maxWidth: 280 }}>{row.subject ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.reporter ?? '—'}</TableCell>
              <TableCell>
                <Chip size="small" color={COLORS[row.outcome]} label={translate(`layanan.lapor.import.outcome.${row.outcome}`)} />
              </TableCell>
              <TableCell>
                <Detail row={row} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.length > PAGE && (
        <TablePagination component="div" count={shown.length} page={page} onPageChange={(_, next) => setPage(next)} rowsPerPage={PAGE} rowsPerPageOptions={[PAGE]} />
      )}
    </>
  );
};
