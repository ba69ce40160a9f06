import { useRef, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import RefreshIcon from '@mui/icons-material/Refresh';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { LaporColumnMapping, LaporImportPreview, LaporImportResult } from '../types';
import { useNotifyError } from '../notifyError';
import { ColumnMapping } from './ColumnMapping';
import { ImportRows } from './ImportRows';
import { sameMapping, saveMapping, savedMapping } from './savedMapping';
import './laporImport.css';

const complete = (mapping: LaporColumnMapping | null) => mapping !== null && mapping.trackingId !== null && mapping.content !== null;

/**
 * A batch of SP4N-LAPOR! reports from a file: choose it, check the mapping of its columns (guessed from the
 * headings, or the one saved for the same headings), read the preview, then import; nothing is written before.
 */
const LaporImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<LaporColumnMapping | null>(null);
  const [preview, setPreview] = useState<LaporImportPreview | null>(null);
  const [fromSaved, setFromSaved] = useState(false);
  const [result, setResult] = useState<LaporImportResult | null>(null);

  const read = useMutation({
    mutationFn: ({ chosen, with: given }: { chosen: File; with?: LaporColumnMapping }) => dataProvider.previewLaporImport(chosen, given),
    onSuccess: (seen, { chosen, with: given }) => {
      setPreview(seen);
      setMapping(seen.mapping);
      // A mapping saved for these headings wins over the guess (which stays shown should the server refuse it).
      const saved = given ? null : savedMapping(seen.columns.map((c) => c.header));
      if (saved && !sameMapping(saved, seen.mapping)) {
        setFromSaved(true);
        read.mutate({ chosen, with: saved });
      }
    },
    onError: notifyError,
  });

  const run = useMutation({
    mutationFn: () => dataProvider.importLaporFile(file!, mapping!),
    onSuccess: (done) => {
      saveMapping(preview!.columns.map((c) => c.header), mapping!);
      setResult(done);
      const message = translate('layanan.lapor.import.done', { count: done.summary.created.toLocaleString('id-ID') });
      notify(message, { type: 'success', messageArgs: { _: message } });
    },
    onError: notifyError,
  });

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setPreview(null);
    setMapping(null);
    setResult(null);
    setFromSaved(false);
    read.mutate({ chosen });
  };
  const stale = preview !== null && mapping !== null && !sameMapping(mapping, preview.mapping);
  const summary = preview?.summary;
  const shownNew = preview?.rows.filter((row) => row.outcome === 'new').length ?? 0;

  return (
    <Box sx={{ py: 2 }} data-testid="lapor-import-page">
      <Title title={translate('layanan.lapor.import.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('layanan.lapor.import.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 760 }}>
        {translate('layanan.lapor.import.hint')}
      </Typography>

      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <input ref={input} type="file" hidden accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="lapor-import-file" onChange={(event) => choose(event.target.files?.[0])} />
        <Button variant={file ? 'outlined' : 'contained'} startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={read.isPending || run.isPending}>
          {translate(file ? 'layanan.lapor.import.other' : 'layanan.lapor.import.choose')}
        </Button>
        {file && <Typography variant="body2">{translate('layanan.lapor.import.file', { name: file.name })}</Typography>}
      </Stack>
      {read.isPending && <LinearProgress aria-label={translate('layanan.lapor.import.reading')} sx={{ mb: 2 }} />}

      {preview && mapping && !result && (
        <>
          <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="h6" component="h2">
                {translate('layanan.lapor.import.mapping')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate(fromSaved ? 'layanan.lapor.import.mapping_saved' : 'layanan.lapor.import.mapping_hint')}
              </Typography>
              <ColumnMapping columns={preview.columns} mapping={mapping} onChange={setMapping} />
              <Button sx={{ mt: 1 }} startIcon={<RefreshIcon />} variant={stale ? 'contained' : 'text'} disabled={!stale || !complete(mapping) || read.isPending} onClick={() => read.mutate({ chosen: file!, with: mapping })}>
                {translate('layanan.lapor.import.refresh')}
              </Button>
            </CardContent>
          </Card>

          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" component="h2">
                {translate('layanan.lapor.import.preview')}
              </Typography>
              {!preview.complete && <Alert severity="info">{translate('layanan.lapor.import.incomplete')}</Alert>}
              {preview.hints.map((hint) => (
                <Alert key={hint} severity="warning" sx={{ my: 1 }} data-testid="lapor-import-hint">
                  {hint}
                </Alert>
              ))}
              {preview.complete && summary && (
                <>
                  <ImportRows rows={preview.rows} />
                  {summary.new > shownNew && (
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                      {translate('layanan.lapor.import.shown_new', { shown: shownNew.toLocaleString('id-ID'), total: summary.new.toLocaleString('id-ID') })}
                    </Typography>
                  )}
                  <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }}>
                    {summary.new > 0 ? (
                      <Button variant="contained" startIcon={<PlaylistAddCheckIcon />} disabled={stale || run.isPending} onClick={() => run.mutate()} data-testid="lapor-import-run">
                        {translate(run.isPending ? 'layanan.lapor.import.running' : 'layanan.lapor.import.run', { count: summary.new.toLocaleString('id-ID') })}
                      </Button>
                    ) : (
                      <Alert severity="info">{translate('layanan.lapor.import.nothing_new')}</Alert>
                    )}
                  </Stack>
                  {run.isPending && <LinearProgress sx={{ mt: 2 }} />}
                </>
              )}
            </CardContent>
          </Card>
        </>
      )}

      {result && (
        <Card variant="outlined" data-testid="lapor-import-result">
          <CardContent>
            <Typography variant="h6" component="h2">
              {translate('layanan.lapor.import.result')}
            </Typography>
            <Alert severity={result.summary.failed ? 'warning' : 'success'} sx={{ my: 1 }}>
              {translate('layanan.lapor.import.done', { count: result.summary.created.toLocaleString('id-ID') })}
            </Alert>
            <ImportRows rows={result.rows} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};

export default LaporImportPage;
