import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_LABELS, EVENT_TYPES, PUBLIC_EVENT_TYPES } from '../../config/src/events';

const schema = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'cms', 'src', 'api', 'inquiry-event', 'content-types', 'inquiry-event', 'schema.json'), 'utf8'),
) as { attributes: { type: { enum: string[] } } };

describe('the kinds of timeline entry, listed once in config/', () => {
  it('are exactly what the inquiry-event schema lets the database store', () => {
    expect(schema.attributes.type.enum).toEqual([...EVENT_TYPES]);
  });

  it('each have a name in Bahasa Indonesia and in English', () => {
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      expect(EVENT_LABELS[type].id.trim()).not.toBe('');
      expect(EVENT_LABELS[type].en.trim()).not.toBe('');
    }
  });

  it('show the citizen only entries of the list', () => {
    expect(PUBLIC_EVENT_TYPES.every((type) => EVENT_TYPES.includes(type))).toBe(true);
  });
});
