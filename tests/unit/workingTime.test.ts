import { DEFAULT_OFFICE_HOURS, type OfficeInterval } from '../../config/src/sop';
import { mulberry32 } from '../../config/src/random';
import {
  NoWorkingTimeError,
  addWorkingDays,
  addWorkingMinutes,
  clockStart,
  isWorkingInstant,
  localDateKey,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../../config/src/workingTime';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WIB = '+07:00';

const hm = (text: string): number => {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
};
const shift = (start: string, end: string): OfficeInterval => ({ start: hm(start), end: hm(end) });
const at = (local: string, offset = WIB): Date => new Date(`${local.replace(' ', 'T')}${offset}`);
const dateKey = (instant: number): string => new Date(instant).toISOString().slice(0, 10);
const sundaysOnly = (interval: OfficeInterval) => [[interval], [], [], [], [], [], []];

function buildCalendar(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    mode: 'working',
    officeHours: DEFAULT_OFFICE_HOURS,
    holidays: new Set(),
    timeZone: 'Asia/Jakarta',
    ...overrides,
  };
}

const SPLIT_SHIFT = [shift('08:00', '12:00'), shift('13:00', '16:00')];
const splitShiftWeek = [[], SPLIT_SHIFT, SPLIT_SHIFT, SPLIT_SHIFT, SPLIT_SHIFT, SPLIT_SHIFT, []];
/** Kenaikan Isa Almasih (Thursday) and cuti bersama (Friday) in May 2024. */
const ASCENSION_HOLIDAYS = new Set(['2024-05-09', '2024-05-10']);

describe('clockStart: when the SOP clock starts for a request', () => {
  it.each([
    ['a request arriving Saturday 10:00 WIB starts its clock Monday 08:00', '2024-06-15 10:00', '2024-06-17 08:00'],
    ['a request arriving Tuesday 09:30 WIB starts at once', '2024-06-18 09:30', '2024-06-18 09:30'],
    ['a request arriving at 07:59 starts at the 08:00 opening', '2024-06-18 07:59', '2024-06-18 08:00'],
    ['a request arriving at 16:00 sharp starts the next morning', '2024-06-18 16:00', '2024-06-19 08:00'],
    ['a request arriving Friday evening starts Monday 08:00', '2024-06-14 19:45', '2024-06-17 08:00'],
  ])('%s', (_, received, expected) => {
    expect(clockStart(at(received), buildCalendar())).toEqual(at(expected));
  });

  it('a request arriving before a long holiday starts after it', () => {
    const cal = buildCalendar({ holidays: ASCENSION_HOLIDAYS });
    expect(clockStart(at('2024-05-08 16:30'), cal)).toEqual(at('2024-05-13 08:00'));
  });

  it('a request arriving in the lunch break starts when the afternoon shift opens', () => {
    const cal = buildCalendar({ officeHours: splitShiftWeek });
    expect(clockStart(at('2024-06-18 12:10'), cal)).toEqual(at('2024-06-18 13:00'));
  });

  it('in calendar mode the clock starts the moment the request arrives', () => {
    const received = at('2024-06-15 23:10');
    expect(clockStart(received, buildCalendar({ mode: 'calendar' }))).toEqual(received);
  });

  it('keeps the milliseconds of a request received inside office hours', () => {
    const received = new Date('2024-06-18T09:30:12.345+07:00');
    expect(clockStart(received, buildCalendar())).toEqual(received);
  });
});

describe('addWorkingMinutes: when an SOP step is due', () => {
  it.each([
    ['15 working minutes from Monday 09:00 end 09:15', '2024-06-17 09:00', 15, '2024-06-17 09:15'],
    ['15 working minutes from 15:50 Friday end Monday 08:05', '2024-06-14 15:50', 15, '2024-06-17 08:05'],
    ['15 working minutes from 15:45 end at the 16:00 closing', '2024-06-18 15:45', 15, '2024-06-18 16:00'],
    ['60 working minutes from Saturday 10:00 end Monday 09:00', '2024-06-15 10:00', 60, '2024-06-17 09:00'],
    ['a full working day from Monday 08:00 ends Monday 16:00', '2024-06-17 08:00', 480, '2024-06-17 16:00'],
    ['a day and a minute from Monday 08:00 end Tuesday 08:01', '2024-06-17 08:00', 481, '2024-06-18 08:01'],
    ['zero minutes are due at once', '2024-06-15 10:00', 0, '2024-06-15 10:00'],
  ])('%s', (_, start, minutes, expected) => {
    expect(addWorkingMinutes(at(start), minutes, buildCalendar())).toEqual(at(expected));
  });

  it('a holiday is skipped', () => {
    const cal = buildCalendar({ holidays: ASCENSION_HOLIDAYS });
    expect(addWorkingMinutes(at('2024-05-08 15:50'), 15, cal)).toEqual(at('2024-05-13 08:05'));
  });

  it('the split shift lunch break is skipped', () => {
    const cal = buildCalendar({ officeHours: splitShiftWeek });
    expect(addWorkingMinutes(at('2024-06-18 11:30'), 60, cal)).toEqual(at('2024-06-18 13:30'));
  });

  it('15 minutes before the lunch break end at 12:00, not at 13:00', () => {
    const cal = buildCalendar({ officeHours: splitShiftWeek });
    expect(addWorkingMinutes(at('2024-06-18 11:45'), 15, cal)).toEqual(at('2024-06-18 12:00'));
  });

  it('in calendar mode nights and weekends count', () => {
    const cal = buildCalendar({ mode: 'calendar', holidays: new Set(['2024-06-16']) });
    expect(addWorkingMinutes(at('2024-06-15 23:50'), 15, cal)).toEqual(at('2024-06-16 00:05'));
  });

  it('adds working milliseconds, so fractions of a minute are kept', () => {
    const cal = buildCalendar();
    expect(addWorkingMinutes(new Date('2024-06-18T09:00:00.250+07:00'), 1, cal)).toEqual(
      new Date('2024-06-18T09:01:00.250+07:00'),
    );
    expect(addWorkingMinutes(at('2024-06-18 15:59'), 1.5, cal)).toEqual(new Date('2024-06-19T08:00:30+07:00'));
  });

  it('refuses a negative budget', () => {
    expect(() => addWorkingMinutes(at('2024-06-18 09:00'), -5, buildCalendar())).toThrow(RangeError);
  });
});

describe('workingMinutesBetween: how much of an SOP budget is used', () => {
  it.each([
    ['Friday 15:00 to Monday 09:00 is two working hours', '2024-06-14 15:00', '2024-06-17 09:00', 120],
    ['a weekend alone is no working time', '2024-06-15 08:00', '2024-06-16 16:00', 0],
    ['the same instant is no working time', '2024-06-18 10:00', '2024-06-18 10:00', 0],
    ['counting backwards is negative', '2024-06-17 09:00', '2024-06-14 15:00', -120],
  ])('%s', (_, from, to, expected) => {
    expect(workingMinutesBetween(at(from), at(to), buildCalendar())).toBe(expected);
  });

  it('a holiday is not counted', () => {
    const cal = buildCalendar({ holidays: ASCENSION_HOLIDAYS });
    expect(workingMinutesBetween(at('2024-05-08 15:00'), at('2024-05-13 09:00'), cal)).toBe(120);
  });

  it('the lunch break is not counted', () => {
    const cal = buildCalendar({ officeHours: splitShiftWeek });
    expect(workingMinutesBetween(at('2024-06-18 11:00'), at('2024-06-18 14:00'), cal)).toBe(120);
  });

  it('counts seconds as fractions of a minute', () => {
    const from = new Date('2024-06-18T09:00:00+07:00');
    const to = new Date('2024-06-18T09:00:30+07:00');
    expect(workingMinutesBetween(from, to, buildCalendar())).toBe(0.5);
  });

  it('in calendar mode every minute counts', () => {
    const cal = buildCalendar({ mode: 'calendar' });
    expect(workingMinutesBetween(at('2024-06-15 10:00'), at('2024-06-17 10:00'), cal)).toBe(2 * 1440);
  });
});

describe('isWorkingInstant', () => {
  it.each([
    ['Tuesday 08:00 opening', '2024-06-18 08:00', true],
    ['Tuesday 15:59', '2024-06-18 15:59', true],
    ['Tuesday 16:00 closing', '2024-06-18 16:00', false],
    ['Saturday 10:00', '2024-06-15 10:00', false],
  ])('%s: working time is %s', (_, instant, expected) => {
    expect(isWorkingInstant(at(instant), buildCalendar())).toBe(expected);
  });

  it('a holiday is not working time', () => {
    expect(isWorkingInstant(at('2024-05-09 10:00'), buildCalendar({ holidays: ASCENSION_HOLIDAYS }))).toBe(false);
  });
});

describe('localDateKey', () => {
  it('reads the date on the wall clock of the zone', () => {
    const instant = new Date('2024-06-14T17:30:00Z');
    expect(localDateKey(instant, 'Asia/Jakarta')).toBe('2024-06-15');
    expect(localDateKey(instant, 'America/New_York')).toBe('2024-06-14');
  });
});

describe('a calendar that never opens', () => {
  const closed = buildCalendar({ officeHours: [[], [], [], [], [], [], []] });

  it('cannot start a clock or set a deadline, and says why', () => {
    expect(() => clockStart(at('2024-06-18 09:00'), closed)).toThrow(NoWorkingTimeError);
    expect(() => addWorkingMinutes(at('2024-06-18 09:00'), 15, closed)).toThrow(/Tidak ada jam layanan dalam 400 hari/);
  });

  it('still measures zero working time', () => {
    expect(workingMinutesBetween(at('2024-01-01 00:00'), at('2026-01-01 00:00'), closed)).toBe(0);
  });

  it('gives up when every remaining working day is a holiday', () => {
    const mondaysOnly = [[], [shift('08:00', '16:00')], [], [], [], [], []];
    const firstMonday = Date.UTC(2024, 5, 17);
    const everyMonday = new Set(Array.from({ length: 70 }, (_, week) => dateKey(firstMonday + week * 7 * DAY)));
    const cal = buildCalendar({ officeHours: mondaysOnly, holidays: everyMonday });
    expect(() => clockStart(at('2024-06-15 10:00'), cal)).toThrow(NoWorkingTimeError);
  });
});

describe('time zones with daylight saving time', () => {
  const berlin = buildCalendar({ timeZone: 'Europe/Berlin' });
  const newYork = buildCalendar({ timeZone: 'America/New_York' });

  it('the Berlin office opens at 08:00 summer time after the spring change', () => {
    expect(clockStart(at('2024-03-30 12:00', '+01:00'), berlin)).toEqual(at('2024-04-01 08:00', '+02:00'));
  });

  it('a working day in New York across the autumn change still has eight hours', () => {
    const fridayNoon = at('2024-11-01 12:00', '-04:00');
    const mondayNoon = at('2024-11-04 12:00', '-05:00');
    expect(workingMinutesBetween(fridayNoon, mondayNoon, newYork)).toBe(480);
  });

  it('an office hour inside the skipped spring hour is shorter', () => {
    const nightShift = buildCalendar({ timeZone: 'Europe/Berlin', officeHours: sundaysOnly(shift('01:00', '04:00')) });
    const sunday = at('2024-03-31 00:00', '+01:00');
    const monday = at('2024-04-01 00:00', '+02:00');
    expect(workingMinutesBetween(sunday, monday, nightShift)).toBe(120);
  });

  it('an office hour inside the repeated autumn hour counts twice', () => {
    const nightShift = buildCalendar({
      timeZone: 'America/New_York',
      officeHours: sundaysOnly(shift('01:00', '02:00')),
    });
    const sunday = at('2024-11-03 00:00', '-04:00');
    const monday = at('2024-11-04 00:00', '-05:00');
    expect(workingMinutesBetween(sunday, monday, nightShift)).toBe(120);
    const firstOneOClock = at('2024-11-03 01:00', '-04:00');
    expect(addWorkingMinutes(firstOneOClock, 90, nightShift)).toEqual(at('2024-11-03 01:30', '-05:00'));
  });
});

/*
 * Brute-force oracle: walk minute by minute, reading each minute's local weekday, date and time
 * from Intl, and compare with the jumping implementation on random calendars.
 * Reproduce a failure with WORKING_TIME_SEED=<seed printed in the failure>.
 */
const SEED = Number(process.env.WORKING_TIME_SEED ?? 20230201);
const CASES_PER_ANCHOR = 750;

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);

/** Local date, weekday and time of each quarter hour, from Intl; every zone below changes offset on a quarter hour. */
interface LocalQuarter {
  dateKey: string;
  weekday: number;
  minuteOfDay: number;
}
const QUARTER = 15 * MINUTE;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const localQuarters = new Map<string, Map<number, LocalQuarter>>();

function localQuarter(quarter: number, timeZone: string): LocalQuarter {
  let zone = localQuarters.get(timeZone);
  if (!zone) localQuarters.set(timeZone, (zone = new Map()));
  const cached = zone.get(quarter);
  if (cached) return cached;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(quarter);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const local = {
    dateKey: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: WEEKDAYS.indexOf(part('weekday')),
    minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')),
  };
  zone.set(quarter, local);
  return local;
}

function oracleIsWorking(minute: number, cal: WorkingCalendar): boolean {
  if (cal.mode === 'calendar') return true;
  const quarter = Math.floor(minute / QUARTER) * QUARTER;
  const local = localQuarter(quarter, cal.timeZone);
  if (cal.holidays.has(local.dateKey)) return false;
  const minuteOfDay = local.minuteOfDay + (minute - quarter) / MINUTE;
  return cal.officeHours[local.weekday].some(({ start, end }) => start <= minuteOfDay && minuteOfDay < end);
}

function oracleClockStart(from: number, cal: WorkingCalendar): number {
  let minute = from;
  while (!oracleIsWorking(minute, cal)) minute += MINUTE;
  return minute;
}

function oracleAdd(from: number, budget: number, cal: WorkingCalendar): number {
  let minute = from;
  for (let left = budget; left > 0; minute += MINUTE) if (oracleIsWorking(minute, cal)) left -= 1;
  return minute;
}

function oracleBetween(from: number, to: number, cal: WorkingCalendar): number {
  if (to < from) return -oracleBetween(to, from, cal);
  let count = 0;
  for (let minute = from; minute < to; minute += MINUTE) if (oracleIsWorking(minute, cal)) count += 1;
  return count;
}

function randomInterval(random: Random): OfficeInterval {
  const start = random() < 0.1 ? 0 : below(random, 1440);
  const end = random() < 0.1 ? 1440 : Math.min(1440, start + 1 + below(random, 600));
  return { start, end };
}

function randomDay(random: Random): OfficeInterval[] {
  if (random() < 0.25) return [];
  return Array.from({ length: 1 + below(random, 3) }, () => randomInterval(random));
}

function randomCalendar(random: Random, timeZone: string, around: number): WorkingCalendar {
  if (random() < 0.1) return buildCalendar({ mode: 'calendar', timeZone });
  const officeHours = Array.from({ length: 7 }, () => randomDay(random));
  if (officeHours.every((day) => day.length === 0)) officeHours[below(random, 7)] = [randomInterval(random)];
  const holidays = new Set(
    Array.from({ length: below(random, 4) }, () => dateKey(around + (below(random, 10) - 3) * DAY)),
  );
  return buildCalendar({ officeHours, holidays, timeZone });
}

interface Anchor {
  label: string;
  timeZone: string;
  /** Random starts fall within three days of this instant: a DST change, or any week for Jakarta. */
  around: string;
}

const ANCHORS: Anchor[] = [
  { label: 'Jakarta', timeZone: 'Asia/Jakarta', around: '2024-06-15T00:00:00Z' },
  { label: 'Berlin spring', timeZone: 'Europe/Berlin', around: '2024-03-31T01:00:00Z' },
  { label: 'Berlin autumn', timeZone: 'Europe/Berlin', around: '2024-10-27T01:00:00Z' },
  { label: 'New York spring', timeZone: 'America/New_York', around: '2024-03-10T07:00:00Z' },
  { label: 'New York autumn', timeZone: 'America/New_York', around: '2024-11-03T06:00:00Z' },
  { label: 'Lord Howe half-hour shift', timeZone: 'Australia/Lord_Howe', around: '2024-04-06T15:00:00Z' },
];

function describeCase(cal: WorkingCalendar, start: number, budget: number, end: number): string {
  const hours = cal.mode === 'calendar' ? 'calendar mode' : JSON.stringify(cal.officeHours);
  const holidays = [...cal.holidays].join(',');
  const [startIso, endIso] = [new Date(start).toISOString(), new Date(end).toISOString()];
  return `start=${startIso} budget=${budget} end=${endIso} hours=${hours} holidays=${holidays}`;
}

function mismatches(cal: WorkingCalendar, start: number, budget: number, end: number): string[] {
  const found: string[] = [];
  const compare = (what: string, actual: string | number | boolean, expected: string | number | boolean): void => {
    if (actual !== expected) found.push(`${what}: got ${actual}, oracle ${expected}`);
  };
  const iso = (instant: number): string => new Date(instant).toISOString();
  compare('clockStart', clockStart(new Date(start), cal).toISOString(), iso(oracleClockStart(start, cal)));
  const due = addWorkingMinutes(new Date(start), budget, cal);
  compare('addWorkingMinutes', due.toISOString(), iso(oracleAdd(start, budget, cal)));
  compare('workingMinutesBetween(start, due)', workingMinutesBetween(new Date(start), due, cal), budget);
  const used = workingMinutesBetween(new Date(start), new Date(end), cal);
  compare('workingMinutesBetween', used, oracleBetween(start, end, cal));
  compare('isWorkingInstant', isWorkingInstant(new Date(start), cal), oracleIsWorking(start, cal));
  return found;
}

describe(`brute-force oracle (seed ${SEED}, ${CASES_PER_ANCHOR * ANCHORS.length} random cases)`, () => {
  it.each(ANCHORS.map((anchor, index) => [anchor.label, anchor, index] as const))(
    'agrees with a minute-by-minute walk: %s',
    (_, anchor, index) => {
      const random = mulberry32(SEED + index);
      const around = Date.parse(anchor.around);
      const failures: string[] = [];
      for (let n = 0; n < CASES_PER_ANCHOR && failures.length < 5; n += 1) {
        const cal = randomCalendar(random, anchor.timeZone, around);
        const start = around + (below(random, 6 * 1440) - 3 * 1440) * MINUTE;
        const budget = 1 + below(random, 600);
        const end = start + (below(random, 4 * 1440) - 1440) * MINUTE;
        for (const problem of mismatches(cal, start, budget, end)) {
          const where = `seed=${SEED} anchor=${anchor.label} case=${n}`;
          failures.push(`${where} ${problem}; ${describeCase(cal, start, budget, end)}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

/** The close of the n-th working day after the clock's first: walked minute by minute, each minute's date from Intl. */
function oracleAddDays(from: number, days: number, cal: WorkingCalendar): number {
  if (cal.mode === 'calendar') return from + days * DAY;
  const dateOf = (minute: number) => localQuarter(Math.floor(minute / QUARTER) * QUARTER, cal.timeZone).dateKey;
  let minute = oracleClockStart(from, cal);
  let day = dateOf(minute);
  let counted = 0;
  let last = minute;
  for (; ; minute += MINUTE) {
    if (!oracleIsWorking(minute, cal)) continue;
    const key = dateOf(minute);
    if (key !== day) {
      if (counted === days) return last + MINUTE;
      counted += 1;
      day = key;
    }
    last = minute;
  }
}

describe('addWorkingDays: "paling lambat N hari kerja", the day of arrival not counted', () => {
  const cal = buildCalendar();

  it('ends at closing time of the n-th working day after the report arrived', () => {
    expect(addWorkingDays(at('2024-06-17 10:00'), 3, cal)).toEqual(at('2024-06-20 16:00'));
    expect(addWorkingDays(at('2024-06-17 10:00'), 0, cal)).toEqual(at('2024-06-17 16:00'));
  });

  it('starts counting on the next working day when the report arrives after closing time or at the weekend', () => {
    expect(addWorkingDays(at('2024-06-14 17:30'), 3, cal)).toEqual(at('2024-06-20 16:00'));
    expect(addWorkingDays(at('2024-06-15 09:00'), 5, cal)).toEqual(at('2024-06-24 16:00'));
  });

  it('skips holidays and cuti bersama', () => {
    const ascension = buildCalendar({ holidays: ASCENSION_HOLIDAYS });
    expect(addWorkingDays(at('2024-05-07 10:00'), 3, ascension)).toEqual(at('2024-05-14 16:00'));
  });

  it('ends at the last session of a split day', () => {
    expect(addWorkingDays(at('2024-06-17 12:30'), 1, buildCalendar({ officeHours: splitShiftWeek }))).toEqual(at('2024-06-18 16:00'));
  });

  it('counts whole days in calendar mode', () => {
    expect(addWorkingDays(at('2024-06-15 09:00'), 10, buildCalendar({ mode: 'calendar' }))).toEqual(at('2024-06-25 09:00'));
  });

  it('refuses a number of days that is not a whole number', () => {
    expect(() => addWorkingDays(at('2024-06-17 10:00'), 1.5, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2024-06-17 10:00'), -1, cal)).toThrow(RangeError);
  });

  const DAY_CASES = 60;
  it.each(ANCHORS.map((anchor, index) => [anchor.label, anchor, index] as const))('agrees with a minute-by-minute walk: %s', (_, anchor, index) => {
    const random = mulberry32(SEED + 100 + index);
    const around = Date.parse(anchor.around);
    const failures: string[] = [];
    for (let n = 0; n < DAY_CASES && failures.length < 5; n += 1) {
      const calendar = randomCalendar(random, anchor.timeZone, around);
      const start = around + (below(random, 6 * 1440) - 3 * 1440) * MINUTE;
      const days = below(random, 11);
      const got = addWorkingDays(new Date(start), days, calendar).toISOString();
      const expected = new Date(oracleAddDays(start, days, calendar)).toISOString();
      if (got !== expected) failures.push(`seed=${SEED} anchor=${anchor.label} case=${n} days=${days}: got ${got}, oracle ${expected}; ${describeCase(calendar, start, days, start)}`);
    }
    expect(failures).toEqual([]);
  });
});
