import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { LayananDataProvider } from '../providers/dataProvider';
import { MAX_PAGE_SIZE } from '../providers/strapiQuery';

const PAUSE_MS = 300;
/** More matches than this on the board is a search worth narrowing; the first pages are enough to show. */
const MAX_PAGES = 5;

/**
 * The board's search box asks the server, which finds a request by the citizen's name, NIK or phone number
 * (the cards carry them masked), its code, subject or message. Returns the ids it found, or null while
 * nothing is searched or the answer is still on its way; asks once the typing pauses.
 */
export function useBoardSearch(text: string | undefined): ReadonlySet<string> | null {
  const dataProvider = useDataProvider<LayananDataProvider>();
  const [found, setFound] = useState<{ text: string; ids: ReadonlySet<string> } | null>(null);
  const q = text?.trim() ?? '';

  useEffect(() => {
    if (!q) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const ids = new Set<string>();
      try {
        for (let page = 1; page <= MAX_PAGES; page += 1) {
          const { data, total } = await dataProvider.getList('inquiries', {
            filter: { q },
            sort: { field: 'receivedAt', order: 'DESC' },
            pagination: { page, perPage: MAX_PAGE_SIZE },
            meta: { fields: ['code'], populate: {} },
            signal: controller.signal,
          });
          for (const row of data) ids.add(String(row.id));
          if (page * MAX_PAGE_SIZE >= (total ?? 0)) break;
        }
        setFound({ text: q, ids });
      } catch {
        // A refused or aborted search leaves the board as the box's own words filter it.
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, dataProvider]);

  return found && found.text === q ? found.ids : null;
}
