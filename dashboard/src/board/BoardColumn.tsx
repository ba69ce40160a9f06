import { Droppable } from '@hello-pangea/dnd';
import { useTranslate } from 'react-admin';
import type { Status } from '@layanan/config';
import type { Inquiry } from '../types';
import type { Countdown, LaporCountdown } from '../sla/countdown';
import type { ReplyWindowState } from '../inquiries/replyWindow';
import { BoardCard } from './BoardCard';

interface Props {
  status: Status;
  inquiries: Inquiry[];
  countdowns: Map<string, Countdown | null>;
  laporCountdowns: Map<string, LaporCountdown | null>;
  replyWindows: Map<string, ReplyWindowState | null>;
  onMove: (inquiry: Inquiry, to: Status) => void;
}

/** One workflow state: its header and the drop zone holding its cards. */
export const BoardColumn = ({ status, inquiries, countdowns, laporCountdowns, replyWindows, onMove }: Props) => {
  const translate = useTranslate();
  return (
    <section className="board-column" data-status={status} aria-label={translate(`layanan.status.${status}`)}>
      <header className="board-column__header">
        <h2>{translate(`layanan.status.${status}`)}</h2>
        <span className="board-column__count">{inquiries.length}</span>
        {status === 'closed' && <span className="board-column__hint">{translate('layanan.board.closed_hint')}</span>}
      </header>
      <Droppable droppableId={status}>
        {(provided, snapshot) => (
          <div ref={provided.innerRef} {...provided.droppableProps} className={`board-column__cards${snapshot.isDraggingOver ? ' board-column__cards--over' : ''}`}>
            {inquiries.map((inquiry, index) => (
              <BoardCard key={inquiry.id} inquiry={inquiry} index={index} countdown={countdowns.get(inquiry.id) ?? null} lapor={laporCountdowns.get(inquiry.id) ?? null} replyWindow={replyWindows.get(inquiry.id) ?? null} onMove={onMove} />
            ))}
            {provided.placeholder}
            {inquiries.length === 0 && <p className="board-column__empty">{translate('layanan.board.empty')}</p>}
          </div>
        )}
      </Droppable>
    </section>
  );
};
