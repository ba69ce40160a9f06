import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { KIND_COLOURS, type Kind, divisionColour } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { Division, RecapQuery } from '../types';
import { CategoryChart } from './CategoryChart';
import { ComplianceChart } from './ComplianceChart';
import { DeliveryTable } from './DeliveryTable';
import { DurationChart } from './DurationChart';
import { ExportButtons } from './ExportButtons';
import { IkmPanel } from './IkmPanel';
import { KpiTiles } from './KpiTiles';
import { LaporTable } from './LaporTable';
import { RecapFilters } from './RecapFilters';
import { ShareChart } from './ShareChart';
import { VolumeChart } from './VolumeChart';
import { presetRange } from './recapModel';
import './recap.css';

/**
 * Rekap Informasi for leadership and the officer: KPI tiles, then the charts, for a range and filters
 * chosen at the top; every figure comes from GET /api/recap (computed by the database) and the IKM from
 * GET /api/surveys/ikm.
 */
const RecapPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const [query, setQuery] = useState<RecapQuery>(() => ({ ...presetRange('thisMonth', new Date()), groupBy: 'day' }));
  const { data: divisions = [] } = useGetList<Division>('divisions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const recap = useQuery({ queryKey: ['recap', query], queryFn: () => dataProvider.getRecap(query), placeholderData: (previous) => previous });
  // The IKM of the requests the filters choose, by month whatever the charts' grouping.
  const ikmQuery = { ...query, groupBy: 'month' as const };
  const ikm = useQuery({
    queryKey: ['ikm', ikmQuery],
    queryFn: () => dataProvider.getIkm(ikmQuery),
    placeholderData: (previous) => previous,
  });
  const divisionName = (key: string) => recap.data?.divisions.find((d) => d.key === key)?.name ?? key;

  return (
    <div className="recap" data-testid="recap">
      <Title title={translate('layanan.recap.title')} />
      <div className="recap__bar">
        <RecapFilters query={query} divisions={divisions} onChange={setQuery} />
        <ExportButtons query={query} />
      </div>
      {recap.error ? (
        <p className="recap__error" role="alert">
          {(recap.error as Error).message}
        </p>
      ) : !recap.data ? (
        <Loading loadingPrimary={translate('layanan.recap.loading')} />
      ) : (
        <>
          <KpiTiles recap={recap.data} ikm={ikm.data} />
          <div className="recap__grid">
            <VolumeChart recap={recap.data} query={query} />
            <ShareChart
              title={translate('layanan.recap.charts.by_division')}
              breakdown={recap.data.totals.division}
              label={divisionName}
              colour={divisionColour}
            />
            <ShareChart
              title={translate('layanan.recap.charts.by_kind')}
              breakdown={recap.data.totals.kind}
              label={(key) => translate(`layanan.kind.${key}`)}
              colour={(key) => KIND_COLOURS[key as Kind]}
            />
            <ComplianceChart recap={recap.data} />
            <DurationChart recap={recap.data} />
            <DeliveryTable recap={recap.data} />
            <LaporTable recap={recap.data} />
            <CategoryChart recap={recap.data} query={query} />
            {ikm.data && <IkmPanel ikm={ikm.data} />}
          </div>
        </>
      )}
    </div>
  );
};

export default RecapPage;
