import { ACTIONS, STATUSES, TRANSITIONS, canTransition, type Action, type Status } from '../../config/src/statuses';

/** The SOP of DESIGN §5, written out by hand: every (state, action) pair and where it leads, or null. */
const EXPECTED: Record<Status, Partial<Record<Action, Status>>> = {
  received: { triage: 'triaged', answer: 'answered', reject: 'closed' },
  triaged: { coordinate: 'coordinated' },
  coordinated: { answer: 'answered' },
  answered: { close: 'closed' },
  closed: {},
};

describe('the SOP state machine', () => {
  const pairs = STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const));

  it.each(pairs)('from %s, %s is allowed exactly when the SOP says so', (status, action) => {
    const wanted = EXPECTED[status][action];
    expect(canTransition(status, action)).toBe(wanted !== undefined);
    if (wanted) expect(TRANSITIONS[action].to).toBe(wanted);
  });

  it('has no way out of closed: a finished request stays finished', () => {
    expect(ACTIONS.filter((action) => canTransition('closed', action))).toEqual([]);
  });

  it('cannot skip the division: coordinating needs a routed request', () => {
    expect(canTransition('received', 'coordinate')).toBe(false);
  });
});
