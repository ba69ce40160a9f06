// A year of requests for the benches (bench:recap, bench:backup): inquiries with applicants and Bidang links
// written straight into the tables of a schema the first boot made (prepared statements in large transactions
// on SQLite, multi-row INSERTs on PostgreSQL), not through HTTP: a benchmark's seed, never the product's path.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { log } from '../lib/bench.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const CHANNELS = [['whatsapp', 24], ['walk_in', 15], ['phone', 12], ['website', 12], ['instagram', 8], ['email', 7], ['facebook', 6], ['lapor_sp4n', 6], ['view_probolinggo', 4], ['radio', 3], ['telegram', 3]];
const CATEGORIES = [['ktp_el', 30], ['kk', 20], ['akta_kelahiran', 15], ['kia', 8], ['pindah_datang', 10], ['akta_kematian', 5], ['perkawinan_perceraian', 4], ['lainnya', 8]];
const NAMES = ['Siti Aminah', 'Budi Santoso', 'Agus Prasetyo', 'Dewi Lestari', 'Rudi Hartono', 'Nur Hidayati', 'Slamet Riyadi', 'Sri Wahyuni', 'Ahmad Fauzi', 'Rina Marlina'];
const SUBJECTS = ['KTP-el belum jadi', 'Syarat membuat KK baru', 'Akta kelahiran anak', 'Pindah domisili antarkota', 'Blanko KTP habis', 'Jadwal perekaman KTP-el', 'Cara aktivasi IKD'];
const MESSAGE = 'Selamat pagi, saya ingin menanyakan proses dan persyaratan layanan ini. Mohon informasinya, terima kasih.';
const ANSWER = 'Terima kasih. Silakan datang ke loket pelayanan dengan membawa dokumen asli; proses selesai pada hari yang sama.';
const INFORMATION = 'Berkas sudah diverifikasi bidang; pemohon dapat datang untuk pengambilan dokumen.';

function weighted(random, items) {
  let roll = random() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

const documentId = (random) => Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');

/** The workflow indexes the sop-workflow bootstrap creates; the next boot builds them again, faster than row by row. */
const WORKFLOW_INDEXES = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inquiries' AND name LIKE 'inquiries\\_%\\_idx' ESCAPE '\\'",
  postgres: "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'inquiries' AND indexname LIKE 'inquiries\\_%\\_idx'",
};
const droppable = (names) => names.filter((n) => n !== 'inquiries_documents_idx');

const INQUIRY_COLUMNS = [
  'id', 'document_id', 'code', 'kind', 'channel', 'subject', 'message', 'service_category', 'status', 'outcome',
  'received_at', 'clock_started_at', 'triaged_at', 'coordinated_at', 'answered_at', 'closed_at', 'triage_due_at', 'coordination_due_at', 'answer_due_at',
  'triage_breached', 'coordination_breached', 'answer_breached', 'direct_answer', 'triage_working_minutes', 'coordination_working_minutes', 'answer_working_minutes',
  'routed_division_id', 'division_information', 'answer', 'close_reason', 'external_ref', 'policy_revision', 'policy', 'tracking_token_hash', 'created_at', 'updated_at', 'published_at',
];
const APPLICANT_COLUMNS = ['id', 'name', 'nik', 'phone', 'email', 'reply_address'];
const TIMES = new Set(['received_at', 'clock_started_at', 'triaged_at', 'coordinated_at', 'answered_at', 'closed_at', 'triage_due_at', 'coordination_due_at', 'answer_due_at', 'created_at', 'updated_at', 'published_at']);
const FLAGS = new Set(['triage_breached', 'coordination_breached', 'answer_breached', 'direct_answer']);

/**
 * The inquiries, the same for either database (one seeded random stream): arrival order follows time, as it does
 * at the counter, mostly within office hours (WIB). Times are epoch milliseconds, flags 0/1; each writer converts.
 */
/** The seeded period: `months` back from an hour ago. */
export function span(months, now) {
  const end = now.getTime() - 3_600_000;
  return { start: end - months * 30.44 * 86_400_000, end };
}

function* inquiries(rows, months, now, divisions) {
  const policy = JSON.stringify({ revision: 1, triageMinutes: 15, coordinationMinutes: 60, answerMinutes: 60, reminderThreshold: 0.8, clockMode: 'working', timeZone: 'Asia/Jakarta' });
  const { mulberry32 } = require('@layanan/config'); // built by compile() before any seeding
  const random = mulberry32(2026);
  const { start, end } = span(months, now);
  const minute = 60_000;
  const recentMs = 3 * 86_400_000;
  for (let i = 0; i < rows; i += 1) {
    const id = 1 + i;
    const day = start + ((end - start) * i) / rows;
    const receivedAt = Math.floor(day - (day % 86_400_000) - 7 * 3_600_000 + (7.5 + random() * 9) * 3_600_000);
    const channel = weighted(random, CHANNELS);
    const kind = random() < 0.6 ? 'information' : 'complaint';
    const category = weighted(random, CATEGORIES);
    const recent = end - receivedAt < recentMs;
    const path = random();
    const triage = random() < 0.85 ? 1 + random() * 13 : 15 + random() * 40;
    const coordination = random() < 0.88 ? 5 + random() * 54 : 60 + random() * 120;
    const answer = random() < 0.9 ? 3 + random() * 56 : 60 + random() * 90;
    const stop = recent ? Math.floor(random() * 5) : 4; // 0 received … 4 done
    let status = 'received';
    let outcome = null;
    let division = null;
    let triagedAt = null;
    let coordinatedAt = null;
    let answeredAt = null;
    let closedAt = null;
    let coordinationDue = null;
    let answerDue = null;
    let direct = 0;
    const minutes = [null, null, null];
    const flags = [0, 0, 0];
    if (stop > 0) {
      triagedAt = receivedAt + triage * minute;
      minutes[0] = triage;
      flags[0] = triage > 15 ? 1 : 0;
      if (path < 0.04) {
        status = 'closed';
        outcome = 'rejected';
        closedAt = triagedAt;
      } else if (path < 0.25) {
        status = random() < 0.7 ? 'closed' : 'answered';
        outcome = 'answered';
        direct = 1;
        answeredAt = triagedAt;
        closedAt = status === 'closed' ? answeredAt + 90 * minute : null;
      } else {
        status = 'triaged';
        division = divisions[random() < 0.62 ? 0 : 1].id;
        coordinationDue = triagedAt + 60 * minute;
        if (stop > 1) {
          coordinatedAt = triagedAt + coordination * minute;
          minutes[1] = coordination;
          flags[1] = coordination > 60 ? 1 : 0;
          status = 'coordinated';
          answerDue = coordinatedAt + 60 * minute;
          if (stop > 2) {
            answeredAt = coordinatedAt + answer * minute;
            minutes[2] = answer;
            flags[2] = answer > 60 ? 1 : 0;
            status = stop > 3 && random() < 0.7 ? 'closed' : 'answered';
            outcome = 'answered';
            closedAt = status === 'closed' ? answeredAt + 120 * minute : null;
          }
        }
      }
    }
    const name = NAMES[Math.floor(random() * NAMES.length)];
    yield {
      inquiry: [
        id, documentId(random), `BEN-${String(id).padStart(8, '0')}`, kind, channel, SUBJECTS[i % SUBJECTS.length], MESSAGE, category, status, outcome,
        receivedAt, receivedAt, triagedAt, coordinatedAt, answeredAt, closedAt, receivedAt + 15 * minute, coordinationDue, answerDue,
        flags[0], flags[1], flags[2], direct, minutes[0], minutes[1], minutes[2],
        division, coordinatedAt ? INFORMATION : null, answeredAt ? ANSWER : null, outcome === 'rejected' ? 'Bukan kewenangan Dinas.' : null,
        channel === 'lapor_sp4n' ? `LAPOR-${id}` : null, 1, policy, randomBytes(8).toString('hex'), receivedAt, closedAt ?? receivedAt, receivedAt,
      ],
      division,
      applicant: [
        id, name, channel === 'walk_in' ? `3574011203${String(60 + (i % 40)).padStart(2, '0')}${String(1 + (i % 9000)).padStart(4, '0')}` : null,
        `+62812${String(10000000 + (i % 89999999))}`, channel === 'email' ? `${name.toLowerCase().replace(/\s+/g, '.')}@contoh.id` : null, null,
      ],
    };
  }
}

const CHUNK = 20_000;

/** Seeds an empty schema (the first boot made it): inquiries with applicants and Bidang links, in large transactions. */
export async function seed(target, rows, months, now) {
  const writer = target.kind === 'postgres' ? await postgresWriter(target) : sqliteWriter(target);
  const divisions = await writer.divisions();
  if (divisions.length < 2) throw new Error('the schema has no Bidang: the first boot did not seed reference data');
  const dropped = await writer.dropIndexes();
  const started = performance.now();
  let batch = [];
  let done = 0;
  for (const item of inquiries(rows, months, now, divisions)) {
    batch.push(item);
    if (batch.length < CHUNK && done + batch.length < rows) continue;
    await writer.write(batch);
    done += batch.length;
    batch = [];
    if ((done / CHUNK) % 10 === 0) log(`  … ${done.toLocaleString('en')} rows (${seconds(performance.now() - started)})`);
  }
  await writer.finish();
  const { start, end } = span(months, now);
  return { ms: performance.now() - started, dropped, from: new Date(start), to: new Date(end) };
}

function sqliteWriter(target) {
  const db = new Database(target.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertInquiry = db.prepare(`INSERT INTO inquiries (${INQUIRY_COLUMNS.join(', ')}) VALUES (${INQUIRY_COLUMNS.map(() => '?').join(', ')})`);
  const insertLink = db.prepare('INSERT INTO inquiries_division_lnk (inquiry_id, division_id, inquiry_ord) VALUES (?, ?, 1)');
  const insertApplicant = db.prepare(`INSERT INTO components_inquiry_applicants (${APPLICANT_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertCmp = db.prepare("INSERT INTO inquiries_cmps (entity_id, cmp_id, component_type, field, \"order\") VALUES (?, ?, 'inquiry.applicant', 'applicant', 1)");
  const write = db.transaction((batch) => {
    for (const { inquiry, division, applicant } of batch) {
      insertInquiry.run(...inquiry);
      if (division) insertLink.run(inquiry[0], division);
      insertApplicant.run(...applicant);
      insertCmp.run(inquiry[0], applicant[0]);
    }
  });
  return {
    divisions: () => db.prepare('SELECT id, code FROM divisions ORDER BY id').all(),
    dropIndexes: () => {
      const names = db.prepare(WORKFLOW_INDEXES.sqlite).all().map((r) => r.name);
      for (const name of droppable(names)) db.exec(`DROP INDEX ${name}`);
      return names.length;
    },
    write,
    finish: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** Multi-row INSERTs of 1,000 rows (PostgreSQL takes at most 65,535 parameters a statement), one transaction a chunk. */
async function postgresWriter(target) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: target.url });
  await client.connect();
  const insert = async (table, columns, rows, convert = (v) => v) => {
    for (let from = 0; from < rows.length; from += 1000) {
      const slice = rows.slice(from, from + 1000);
      const values = [];
      const tuples = slice.map((row) => `(${row.map((value, c) => (values.push(convert(value, columns[c])), `$${values.length}`)).join(', ')})`);
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
    }
  };
  const typed = (value, column) => {
    if (value === null) return null;
    if (TIMES.has(column)) return new Date(value);
    if (FLAGS.has(column)) return value === 1;
    return value;
  };
  return {
    divisions: async () => (await client.query('SELECT id, code FROM divisions ORDER BY id')).rows,
    dropIndexes: async () => {
      const names = (await client.query(WORKFLOW_INDEXES.postgres)).rows.map((r) => r.name);
      for (const name of droppable(names)) await client.query(`DROP INDEX ${name}`);
      return names.length;
    },
    write: async (batch) => {
      await client.query('BEGIN');
      await insert('inquiries', INQUIRY_COLUMNS, batch.map((b) => b.inquiry), typed);
      await insert('inquiries_division_lnk', ['inquiry_id', 'division_id', 'inquiry_ord'], batch.filter((b) => b.division).map((b) => [b.inquiry[0], b.division, 1]));
      await insert('components_inquiry_applicants', APPLICANT_COLUMNS, batch.map((b) => b.applicant));
      await insert('inquiries_cmps', ['entity_id', 'cmp_id', 'component_type', 'field', '"order"'], batch.map((b) => [b.inquiry[0], b.applicant[0], 'inquiry.applicant', 'applicant', 1]));
      await client.query('COMMIT');
    },
    finish: async () => {
      // Explicit ids: the sequences move past them, and the planner gets its statistics (autovacuum would, later).
      for (const table of ['inquiries', 'components_inquiry_applicants']) {
        await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
      }
      await client.query('VACUUM ANALYZE');
      await client.end();
    },
  };
}
