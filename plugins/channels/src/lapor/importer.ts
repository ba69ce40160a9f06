import type { Core } from '@strapi/strapi';
import { DUPLICATE_REFERENCE, getService as sop, type Actor } from '@layanan/sop-workflow';
import { maskName, redactFreeText } from '@layanan/config';
import { UID } from '../utils';
import { checkMapping, guessMapping, mappingHints, readRows, type ColumnMapping, type ImportRow } from './import';
import type { Sheet } from './sheet';

const CHANNEL = 'lapor_sp4n';
/** How many tracking numbers one look-up asks for (SQLite allows 999 parameters in a statement). */
const LOOKUP_CHUNK = 500;
/**
 * Rows recorded per transaction: one commit for many rows is what makes 5,000 quick on SQLite, and few
 * enough that the code counter's row lock (held until the commit on PostgreSQL) keeps other intakes waiting
 * a moment only.
 */
const WRITE_CHUNK = 50;
/** New rows the preview lists (its counts cover them all); rows with a problem are all listed. */
const PREVIEW_NEW_ROWS = 100;

export interface UploadedSheet {
  sheet: Sheet;
  filename: string;
}

type Outcome = ImportRow['outcome'] | 'created' | 'failed';

/** A row as the officer reads it: no contact data, the reporter's name masked, personal data in the title masked. */
function present(row: ImportRow, outcome: Outcome = row.outcome, extra: Record<string, unknown> = {}) {
  const { draft, ...rest } = row;
  const reporter = draft?.applicant.name;
  return {
    ...rest,
    outcome,
    subject: draft ? redactFreeText(draft.subject, { names: reporter ? [reporter] : [] }).slice(0, 120) : null,
    reporter: reporter ? (reporter.includes('SP4N-LAPOR!') ? reporter : maskName(reporter)) : null,
    kind: draft?.kind ?? null,
    serviceCategory: draft?.serviceCategory ?? null,
    ...extra,
  };
}

function countOf(outcomes: Outcome[]) {
  const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
  return {
    total: outcomes.length,
    new: count('new'),
    created: count('created'),
    duplicateFile: count('duplicate_file'),
    duplicateExisting: count('duplicate_existing'),
    invalid: count('invalid'),
    failed: count('failed'),
  };
}

/**
 * A batch of LAPOR! reports from an Excel or CSV file: the columns mapped to a report's fields (guessed
 * from the headings, changed by the officer), a preview that writes nothing, then the import, which reads
 * the file again, creates the new reports as requests of the channel and reports on every row.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The requests that already hold any of these tracking numbers. */
  async function existingOf(ids: string[]): Promise<Map<string, { code: string; documentId: string }>> {
    const found = new Map<string, { code: string; documentId: string }>();
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const rows = (await strapi.db.query(UID.inquiry).findMany({
        where: { channel: CHANNEL, externalRef: { $in: ids.slice(i, i + LOOKUP_CHUNK) } },
        select: ['externalRef', 'code', 'documentId'],
      })) as { externalRef: string; code: string; documentId: string }[];
      for (const row of rows) found.set(row.externalRef, { code: row.code, documentId: row.documentId });
    }
    return found;
  }

  async function classify({ sheet, filename }: UploadedSheet, mapping: ColumnMapping): Promise<ImportRow[]> {
    const rows = readRows(sheet, mapping, filename);
    const existing = await existingOf(rows.filter((row) => row.outcome === 'new').map((row) => row.trackingId!));
    return rows.map((row) => {
      const holder = row.outcome === 'new' ? existing.get(row.trackingId!) : undefined;
      return holder ? { ...row, outcome: 'duplicate_existing', existing: holder } : row;
    });
  }

  /** One row alone, after its batch was refused: a report recorded meanwhile is a duplicate, not a failure. */
  async function createOne(row: ImportRow, actor: Actor) {
    try {
      const { inquiry } = await sop(strapi, 'workflow').create(row.draft!, actor);
      return present(row, 'created', { created: { code: inquiry.code, documentId: inquiry.documentId } });
    } catch (error) {
      if ((error as { name?: string }).name === DUPLICATE_REFERENCE) {
        const holder = (await existingOf([row.trackingId!])).get(row.trackingId!);
        return present({ ...row, ...(holder ? { existing: holder } : {}) }, 'duplicate_existing');
      }
      return present(row, 'failed', { problems: [(error as Error).message] });
    }
  }

  return {
    columnsOf(sheet: Sheet) {
      return sheet.headers.map((header, index) => ({ index, header, sample: sheet.rows.find((row) => row.cells[index])?.cells[index]?.slice(0, 80) ?? '' }));
    },

    /** What the import would do, row by row; nothing is written. Without a mapping, the guessed one is used. */
    async preview(upload: UploadedSheet, given?: unknown) {
      const { sheet } = upload;
      const guessed = guessMapping(sheet.headers);
      const mapping = given === undefined ? guessed : checkMapping(given, sheet.headers);
      const complete = given !== undefined || (guessed.trackingId !== null && guessed.content !== null);
      const rows = complete ? await classify(upload, mapping) : [];
      const listed = [...rows.filter((row) => row.outcome !== 'new'), ...rows.filter((row) => row.outcome === 'new').slice(0, PREVIEW_NEW_ROWS)].sort((a, b) => a.row - b.row);
      return {
        columns: this.columnsOf(sheet),
        mapping,
        guessed: given === undefined,
        complete,
        summary: countOf(rows.map((row) => row.outcome)),
        hints: complete ? mappingHints(rows, sheet.headers, mapping) : [],
        rows: listed.map((row) => present(row)),
      };
    },

    /**
     * Records every new row; each batch of rows commits together. A batch refused (a report recorded by
     * someone else between the look-up and the write, on any instance) is done again row by row, so that
     * one row's refusal costs no other row its request.
     */
    async run(upload: UploadedSheet, given: unknown, actor: Actor) {
      const mapping = checkMapping(given, upload.sheet.headers);
      const rows = await classify(upload, mapping);
      const results: ReturnType<typeof present>[] = [];
      const fresh = rows.filter((row) => row.outcome === 'new');
      for (let i = 0; i < fresh.length; i += WRITE_CHUNK) {
        const batch = fresh.slice(i, i + WRITE_CHUNK);
        try {
          const created = await strapi.db.transaction(async () => {
            const done = [];
            for (const row of batch) {
              const { inquiry } = await sop(strapi, 'workflow').create(row.draft!, actor);
              done.push(present(row, 'created', { created: { code: inquiry.code, documentId: inquiry.documentId } }));
            }
            return done;
          });
          results.push(...created);
        } catch {
          for (const row of batch) results.push(await createOne(row, actor));
        }
      }
      results.push(...rows.filter((row) => row.outcome !== 'new').map((row) => present(row)));
      results.sort((a, b) => a.row - b.row);
      strapi.log.info(`[lapor] import by ${actor.type === 'user' ? `user #${actor.id}` : actor.type}: ${results.filter((r) => r.outcome === 'created').length} of ${rows.length} rows recorded.`);
      return { summary: countOf(results.map((row) => row.outcome)), rows: results };
    },
  };
};
