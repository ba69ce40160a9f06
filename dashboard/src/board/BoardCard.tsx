import { memo, useState } from 'react';
import { Draggable } from '@hello-pangea/dnd';
import { useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Menu, MenuItem } from '@mui/material';
import { STATUSES, type Status } from '@layanan/config';
import type { Inquiry } from '../types';
import type { Countdown, LaporCountdown } from '../sla/countdown';
import { actionForMove } from './boardModel';
import { InquiryCard } from './InquiryCard';
import type { ReplyWindowState } from '../inquiries/replyWindow';

interface Props {
  inquiry: Inquiry;
  index: number;
  countdown: Countdown | null;
  lapor: LaporCountdown | null;
  replyWindow: ReplyWindowState | null;
  onMove: (inquiry: Inquiry, to: Status) => void;
}

/** The draggable wrapper; its menu offers the same moves to the keyboard and to screen readers (a plain button: 500 MUI ones cost too much). */
export const BoardCard = memo(function BoardCard({ inquiry, index, countdown, lapor, replyWindow, onMove }: Props) {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const targets = STATUSES.filter((status) => actionForMove(inquiry.status, status));
  return (
    <Draggable draggableId={inquiry.id} index={index}>
      {(provided, snapshot) => (
        <div
          ref={provided.innerRef}
          {...provided.draggableProps}
          {...provided.dragHandleProps}
          className={`board-card${snapshot.isDragging ? ' board-card--dragging' : ''}`}
          onClick={() => navigate(createPath({ resource: 'inquiries', id: inquiry.id, type: 'show' }))}
        >
          <InquiryCard inquiry={inquiry} countdown={countdown} lapor={lapor} replyWindow={replyWindow} />
          {targets.length > 0 && (
            <button
              type="button"
              className="board-card__menu"
              aria-label={translate('layanan.board.move_to')}
              title={translate('layanan.board.move_to')}
              onClick={(event) => {
                event.stopPropagation();
                setAnchor(event.currentTarget);
              }}
            >
              ⋮
            </button>
          )}
          {anchor && (
            <Menu anchorEl={anchor} open onClose={() => setAnchor(null)} onClick={(event) => event.stopPropagation()}>
              {targets.map((status) => (
                <MenuItem
                  key={status}
                  onClick={() => {
                    setAnchor(null);
                    onMove(inquiry, status);
                  }}
                >
                  {translate(`layanan.status.${status}`)}
                </MenuItem>
              ))}
            </Menu>
          )}
        </div>
      )}
    </Draggable>
  );
});
