/** The SOP workflow (DESIGN §5). The board's columns, the state machine and the recap read this. */
export const STATUSES = ['received', 'triaged', 'coordinated', 'answered', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['triage', 'coordinate', 'answer', 'close', 'reject'] as const;
export type Action = (typeof ACTIONS)[number];

/** Which action moves an inquiry from which state to which. `answer` from `received` is the direct path. */
export const TRANSITIONS: Record<Action, { from: readonly Status[]; to: Status }> = {
  triage: { from: ['received'], to: 'triaged' },
  coordinate: { from: ['triaged'], to: 'coordinated' },
  answer: { from: ['received', 'coordinated'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  reject: { from: ['received'], to: 'closed' },
};

export const STATUS_LABELS: Record<Status, { id: string; en: string }> = {
  received: { id: 'Diterima', en: 'Received' },
  triaged: { id: 'Dipilah', en: 'Routed' },
  coordinated: { id: 'Dikoordinasikan', en: 'Coordinated' },
  answered: { id: 'Dijawab', en: 'Answered' },
  closed: { id: 'Selesai', en: 'Closed' },
};

export const OPEN_STATUSES: readonly Status[] = ['received', 'triaged', 'coordinated'];

export function canTransition(from: Status, action: Action): boolean {
  return TRANSITIONS[action].from.includes(from);
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}
