import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { LAPOR_CLOCK_TABLE, SOP_STEP_TABLE } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import { MAX_PAGE_SIZE } from '../providers/strapiQuery';
import type { Inquiry } from '../types';
import { latestUpdate, mergeChanges } from './boardModel';

/** The columns a card needs; long texts (message, answer) are read on the inquiry page only. */
export const BOARD_FIELDS = [
  'code',
  'kind',
  'channel',
  'status',
  'outcome',
  'subject',
  'receivedAt',
  ...SOP_STEP_TABLE.flatMap((row) => [row.atField, row.dueField, row.breachedField]),
  // SP4N-LAPOR!'s own clocks, on its reports only (null elsewhere): their badge on the card.
  ...LAPOR_CLOCK_TABLE.flatMap((row) => [row.dueField, row.breachedField]),
  'laporFollowUpAt',
  'closedAt',
  'answerDelivery',
  'replyWindowUntil',
  'laporStatus',
  'updatedAt',
] as const;

const OPEN_ON_BOARD = ['received', 'triaged', 'coordinated', 'answered'];
const CLOSED_WINDOW_MS = 24 * 60 * 60_000;
/** A card shows the applicant's (masked) name and the Bidang: nothing else is populated. */
const BOARD_POPULATE = { applicant: { fields: ['name'] }, division: { fields: ['documentId', 'name', 'code'] } };

/** Every page of a list: the first one alone (it tells the total), then all the others at once. */
async function fetchAll(dataProvider: LayananDataProvider, filter: Record<string, unknown>, sortField: string): Promise<Inquiry[]> {
  const page = (number: number) =>
    dataProvider.getList<Inquiry>('inquiries', {
      filter,
      sort: { field: sortField, order: 'ASC' },
      pagination: { page: number, perPage: MAX_PAGE_SIZE },
      meta: { fields: BOARD_FIELDS, populate: BOARD_POPULATE },
    });
  const first = await page(1);
  const pages = Math.ceil((first.total ?? 0) / MAX_PAGE_SIZE);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  return [first, ...rest].flatMap((result) => result.data);
}

/**
 * The board's cards: every open request, the answered ones and those closed in the last day. After the
 * first load it asks only for what changed since the latest change it has seen, every `pollMs`, so new
 * requests appear without a reload and unchanged cards keep their identity.
 */
export function useBoardInquiries(pollMs = 12_000) {
  const dataProvider = useDataProvider<LayananDataProvider>();
  const [inquiries, setInquiries] = useState<Inquiry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef<string | null>(null);

  const apply = useCallback((changed: Inquiry[]) => {
    setInquiries((current) => {
      const merged = mergeChanges(current, changed);
      latest.current = latestUpdate(merged) ?? latest.current;
      return merged;
    });
  }, []);

  useEffect(() => {
    let cancelled = false;
    const since = new Date(Date.now() - CLOSED_WINDOW_MS).toISOString();
    Promise.all([fetchAll(dataProvider, { status_in: OPEN_ON_BOARD }, 'receivedAt'), fetchAll(dataProvider, { status: 'closed', closedAt_gte: since }, 'closedAt')])
      .then(([open, closed]) => {
        if (cancelled) return;
        apply([...open, ...closed]);
        setLoaded(true);
      })
      .catch((reason) => !cancelled && setError(reason));
    return () => {
      cancelled = true;
    };
  }, [dataProvider, apply]);

  useEffect(() => {
    if (!loaded) return undefined;
    const timer = setInterval(() => {
      const filter = latest.current ? { updatedAt_gte: latest.current } : {};
      fetchAll(dataProvider, filter, 'updatedAt').then(apply, () => undefined);
    }, pollMs);
    return () => clearInterval(timer);
  }, [loaded, dataProvider, apply, pollMs]);

  return { inquiries, setInquiries, loaded, error, apply };
}
