import { useState } from 'react';
import { Button, LinearProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useCanAccess, useDataProvider, useLocale, useNotify, useTranslate } from 'react-admin';
import { formatBytes, intlLocale } from '../format';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { ExportFormat, RecapQuery } from '../types';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'pdf'];

/** The official Rekap Informasi as a file; the server streams it, and the page shows how much has arrived. */
export const ExportButtons = ({ query }: { query: RecapQuery }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const notify = useNotify();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { canAccess } = useCanAccess({ action: 'export', resource: 'recap' });
  const [received, setReceived] = useState<number | null>(null);
  if (!canAccess) return null;
  const t = (key: string, options?: object) => translate(`layanan.recap.export.${key}`, options);

  const download = async (format: ExportFormat) => {
    setReceived(0);
    try {
      const blob = await dataProvider.downloadRecap(query, format, setReceived);
      const name = `rekap-informasi_${query.from}_${query.to}.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
      notify('layanan.recap.export.done', { type: 'success', messageArgs: { name } });
    } catch (error) {
      notify('layanan.recap.export.failed', { type: 'error', messageArgs: { message: (error as Error).message } });
    } finally {
      setReceived(null);
    }
  };

  return (
    <div className="recap-export" aria-live="polite">
      <span className="recap-export__title">{t('title')}</span>
      {FORMATS.map((format) => (
        <Button key={format} size="small" variant="outlined" startIcon={<DownloadIcon />} disabled={received !== null} onClick={() => download(format)}>
          {t(format)}
        </Button>
      ))}
      {received !== null && (
        <span className="recap-export__progress" role="status">
          <LinearProgress sx={{ width: 120 }} />
          {t('progress', { size: formatBytes(received, locale) })}
        </span>
      )}
    </div>
  );
};
