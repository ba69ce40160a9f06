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

/** A move is named by where the card goes, except a rejection: it ends in "Selesai" but is its own act. */
function menuLabel(from: Status, to: Status, translate: (key: string, options?: object) => string): string {
  return actionForMove(from, to) === 'reject' ? translate('layanan.actions.reject') : translate(`layanan.status.${to}`);
}

/** The draggable wrapper; its menu offers the same moves to the keyboard and to screen readers (a plain button: 500 MUI ones cost too much). */
export const BoardCard = memo(function BoardCard({ inquiry, index, countdown, lapor, replyWindow, onMove }: Props) {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const targets = STATUSES.filter((status) => actionForMove(inquiry.status, status));
  const open = () => navigate(createPath({ resource: 'inquiries', id: inquiry.id, type: 'show' }));
  return (
    <Draggable draggableId={inquiry.id} index={index}>
      {(provided, snapshot) => (
        <div ref={provided.innerRef} {...provided.draggableProps} className={`board-card${snapshot.isDragging ? ' board-card--dragging' : ''}`}>
          {/* The handle is the card's one control; the menu button sits beside it, never inside (no nested controls). */}
          <div
            {...provided.dragHandleProps}
            className="board-card__handle"
            data-card={inquiry.id}
            onClick={open}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !snapshot.isDragging) {
                event.preventDefault();
                open();
              }
            }}
          >
            <InquiryCard inquiry={inquiry} countdown={countdown} lapor={lapor} replyWindow={replyWindow} />
          </div>
          {targets.length > 0 && (
            <button
              type="button"
              className="board-card__menu"
              aria-label={translate('layanan.board.move_to')}
              title={translate('layanan.board.move_to')}
              aria-haspopup="menu"
              onClick={(event) => setAnchor(event.currentTarget)}
            >
              ⋮
            </button>
          )}
          {anchor && (
            <Menu anchorEl={anchor} open onClose={() => setAnchor(null)}>
              {targets.map((status) => (
                <MenuItem
                  key={status}
                  onClick={() => {
                    setAnchor(null);
                    onMove(inquiry, status);
                  }}
                >
                  {menuLabel(inquiry.status, status, translate)}
                </MenuItem>
              ))}
            </Menu>
          )}
        </div>
      )}
    </Draggable>
  );
});
