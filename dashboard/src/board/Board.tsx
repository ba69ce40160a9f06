import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DragDropContext, type DropResult } from '@hello-pangea/dnd';
import { Loading, Title, useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { STATUSES, isStatus, type Status } from '@layanan/config';
import { countdownOf, laporCountdownOf, type Countdown, type LaporCountdown } from '../sla/countdown';
import { replyWindowOf } from '../inquiries/replyWindow';
import { useNow, useSopCalendar } from '../sla/useSopCalendar';
import { filterFromSearch, groupByStatus, matchesFilter, searchWithFilter, type BoardFilter } from './boardModel';
import { BoardColumn } from './BoardColumn';
import { BoardFilters } from './BoardFilters';
import { useBoardInquiries } from './useBoardInquiries';
import { useBoardMove } from './useBoardMove';
import { useBoardSearch } from './useBoardSearch';
import { FailedNotifications } from '../notifications/FailedNotifications';
import { HolidayReminder } from '../holidays/HolidayReminder';
import './board.css';

/** A countdown whose shown minute and colour did not change keeps its object, so its card is not re-rendered. */
function sameCountdown(a: Countdown | null | undefined, b: Countdown | null): boolean {
  if (!a || !b) return a === b;
  return a.urgency === b.urgency && Math.ceil(a.remaining) === Math.ceil(b.remaining) && a.dueAt.getTime() === b.dueAt.getTime();
}

/** The officer's home: every open request by workflow state, oldest deadline first; drag a card to act on it. */
export const Board = ({ pollMs }: { pollMs?: number }) => {
  const translate = useTranslate();
  const { inquiries, setInquiries, loaded, apply } = useBoardInquiries(pollMs);
  const sop = useSopCalendar();
  const now = useNow();
  const location = useLocation();
  const navigate = useNavigate();
  // A link may open the board filtered (a Telegram digest's "?terlambat=triage"); the choice stays in the address.
  const [filter, setFilter] = useState<BoardFilter>(() => filterFromSearch(location.search));
  const changeFilter = useCallback(
    (next: BoardFilter) => {
      setFilter(next);
      const search = searchWithFilter(location.search, next);
      if (search !== location.search) navigate({ search }, { replace: true });
    },
    [location.search, navigate],
  );
  // Opened again through another such link while already on the board.
  const linked = filterFromSearch(location.search).breached;
  useEffect(() => setFilter((current) => (current.breached === linked ? current : { ...current, breached: linked })), [linked]);
  const { request, dialog } = useBoardMove(setInquiries, apply);

  const found = useBoardSearch(filter.text);
  const visible = useMemo(() => inquiries.filter((inquiry) => matchesFilter(inquiry, filter, now, found)), [inquiries, filter, now, found]);
  const columns = useMemo(() => groupByStatus(visible), [visible]);

  const previous = useRef(new Map<string, Countdown | null>());
  const countdowns = useMemo(() => {
    const next = new Map<string, Countdown | null>();
    if (!sop) return next;
    for (const inquiry of visible) {
      const fresh = countdownOf(inquiry, now, sop.calendar, sop.policy);
      const old = previous.current.get(inquiry.id);
      next.set(inquiry.id, sameCountdown(old, fresh) ? (old ?? null) : fresh);
    }
    previous.current = next;
    return next;
  }, [visible, now, sop]);

  // SP4N-LAPOR!'s own deadline on its reports; the same object while nothing changes, so the card stays memoised.
  const previousLapor = useRef(new Map<string, LaporCountdown | null>());
  const laporCountdowns = useMemo(() => {
    const next = new Map<string, LaporCountdown | null>();
    if (!sop) return next;
    for (const inquiry of visible) {
      if (inquiry.channel !== 'lapor_sp4n') continue;
      const fresh = laporCountdownOf(inquiry, now, sop.calendar, sop.policy);
      const old = previousLapor.current.get(inquiry.id);
      next.set(inquiry.id, old && fresh && old.clock === fresh.clock && old.urgency === fresh.urgency && old.dueAt.getTime() === fresh.dueAt.getTime() ? old : fresh);
    }
    previousLapor.current = next;
    return next;
  }, [visible, now, sop]);

  const replyWindows = useMemo(() => new Map(visible.map((inquiry) => [inquiry.id, replyWindowOf(inquiry, now)])), [visible, now]);

  const byId = useMemo(() => new Map(inquiries.map((inquiry) => [inquiry.id, inquiry])), [inquiries]);
  const onDragEnd = useCallback(
    ({ draggableId, destination, source }: DropResult) => {
      if (!destination || destination.droppableId === source.droppableId || !isStatus(destination.droppableId)) return;
      const inquiry = byId.get(draggableId);
      if (inquiry) request(inquiry, destination.droppableId as Status);
    },
    [byId, request],
  );

  return (
    <div className="board-page">
      <Title title={translate('layanan.board.title')} />
      <div className="board-page__notices">
        <HolidayReminder />
        <FailedNotifications />
      </div>
      <BoardFilters filter={filter} onChange={changeFilter} />
      {!loaded ? (
        <Loading />
      ) : (
        <DragDropContext onDragEnd={onDragEnd}>
          <div className="board" data-testid="board" data-ready={sop ? 'true' : 'false'}>
            {STATUSES.map((status) => (
              <BoardColumn key={status} status={status} inquiries={columns[status]} countdowns={countdowns} laporCountdowns={laporCountdowns} replyWindows={replyWindows} onMove={request} />
            ))}
          </div>
        </DragDropContext>
      )}
      {dialog}
    </div>
  );
};

