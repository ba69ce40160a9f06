import { readFileSync } from 'node:fs';
import path from 'node:path';
import { snakeCase } from 'lodash';
import { DEFAULT_SOP_POLICY, SOP_STEP, SOP_STEPS, SOP_STEP_TABLE, STATUSES, columnOf, stepOfStatus, totalBudgetMinutes } from '../../config/src';

interface Attribute {
  type: string;
  enum?: string[];
  default?: unknown;
  min?: number;
}

const schemaOf = (api: string): Record<string, Attribute> =>
  JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'cms', 'src', 'api', api, 'content-types', api, 'schema.json'), 'utf8')).attributes;

const inquiry = schemaOf('inquiry');
const policy = schemaOf('sop-policy');

describe('the table of SOP steps in config/', () => {
  it('numbers the timed steps 2, 3 and 4 in the SOP order, one step per open status', () => {
    expect(SOP_STEP_TABLE.map((row) => row.number)).toEqual([2, 3, 4]);
    expect(SOP_STEPS).toEqual(['triage', 'coordination', 'answer']);
    expect(new Set(SOP_STEP_TABLE.map((row) => row.status)).size).toBe(SOP_STEP_TABLE.length);
    for (const row of SOP_STEP_TABLE) {
      expect(SOP_STEP[row.step]).toBe(row);
      expect(stepOfStatus(row.status)).toBe(row);
    }
    expect(stepOfStatus('answered')).toBeNull();
  });

  it('names only fields the inquiry schema has, with the type each holds', () => {
    for (const row of SOP_STEP_TABLE) {
      for (const field of [row.startField, row.atField, row.dueField, row.reminderField]) expect([field, inquiry[field]?.type]).toEqual([field, 'datetime']);
      expect([row.breachedField, inquiry[row.breachedField]]).toEqual([row.breachedField, { type: 'boolean', default: false }]);
      expect([row.workingMinutesField, inquiry[row.workingMinutesField]?.type]).toEqual([row.workingMinutesField, 'float']);
    }
  });

  it('runs each step in a status the inquiry schema stores, and a step starts when the one before it ends', () => {
    expect(inquiry.status.enum).toEqual([...STATUSES]);
    for (const row of SOP_STEP_TABLE) expect(inquiry.status.enum).toContain(row.status);
    SOP_STEP_TABLE.slice(1).forEach((row, i) => expect(row.startField).toBe(SOP_STEP_TABLE[i].atField));
  });

  it("takes each budget from a whole-minute field of the SOP policy whose default is the SOP's own", () => {
    for (const row of SOP_STEP_TABLE) {
      expect(policy[row.budgetField]).toMatchObject({ type: 'integer', default: row.defaultMinutes, min: 1 });
      expect(DEFAULT_SOP_POLICY[row.budgetField]).toBe(row.defaultMinutes);
    }
    // 15 + 60 + 60 minutes from arrival to the answer's deadline (SOP/P.6.5/01/425.111/2023).
    expect(totalBudgetMinutes(DEFAULT_SOP_POLICY)).toBe(135);
  });

  it('gives the recap the column names Strapi gives the fields', () => {
    for (const row of SOP_STEP_TABLE) {
      for (const field of [row.dueField, row.breachedField, row.workingMinutesField, row.atField]) expect(columnOf(field)).toBe(snakeCase(field));
    }
  });
});
