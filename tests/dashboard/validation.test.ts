import { isValidPhone, normalisePhone } from '../../dashboard/src/inquiries/validation';

describe('the intake form’s phone check, the server’s rule before sending', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['0812-3456-789O', null],
    ['0812 3456 78l0', null],
  ])('%s → %s', (typed, stored) => {
    expect(normalisePhone(typed)).toBe(stored);
    expect(isValidPhone(typed)).toBe(stored !== null);
  });
});
