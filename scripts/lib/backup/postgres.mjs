import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { BackupError } from './settings.mjs';

const { Client } = createRequire(import.meta.url)('pg');

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * pg_dump and pg_restore read the connection from the environment: the password never shows on their
 * command line (where `ps` would print it to any user of the machine).
 */
function libpqEnv(database) {
  const url = new URL(database.url);
  return {
    ...process.env,
    PGHOST: decodeURIComponent(url.hostname) || 'localhost',
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username) || process.env.PGUSER || 'postgres',
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(database.ssl ? { PGSSLMODE: 'require' } : {}),
  };
}

function connect(database) {
  const client = new Client({ connectionString: database.url, ...(database.ssl ? { ssl: { rejectUnauthorized: false } } : {}) });
  return client.connect().then(() => client);
}

/** Runs a PostgreSQL client program; rejects with its own words when it fails (or is missing). */
function run(program, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      const hint = error.code === 'ENOENT' ? ` (install it: apt-get install postgresql-client)` : '';
      reject(new BackupError(`${program} could not run: ${error.message}${hint}`));
    });
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new BackupError(`${program} failed (exit ${code}): ${output.trim().split('\n').slice(-5).join('\n')}`))));
  });
}

async function tablesOf(client, schema) {
  const { rows } = await client.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name", [schema]);
  return rows.map((row) => row.name);
}

async function countRows(client, schema) {
  const counts = {};
  for (const name of await tablesOf(client, schema)) {
    const { rows } = await client.query(`SELECT count(*)::bigint AS n FROM ${quote(schema)}.${quote(name)}`);
    counts[name] = Number(rows[0].n);
  }
  return counts;
}

/**
 * One snapshot for the counts and the dump: this transaction exports it and stays open while pg_dump
 * reads the same one (`--snapshot`), so the manifest counts exactly the rows in the file. Writers go on.
 */
export async function snapshotPostgres(database, out) {
  const client = await connect(database);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query('SELECT pg_export_snapshot() AS snapshot');
    const counts = await countRows(client, database.schema);
    await run('pg_dump', ['--format=custom', `--snapshot=${rows[0].snapshot}`, `--file=${out}`], libpqEnv(database));
    await client.query('COMMIT');
    // The archive's table of contents read back: a file pg_restore cannot read is not a backup.
    await run('pg_restore', ['--list', out], libpqEnv(database));
    return counts;
  } finally {
    await client.end();
  }
}

/** Every session on the database but ours: a server (any instance), or someone's psql. */
async function otherSessions(client) {
  const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return rows[0].n;
}

/** Restores a dump into the configured database; one that holds tables is emptied only when `replace` says so. */
export async function restorePostgres(database, dump, { replace }) {
  const client = await connect(database);
  try {
    const others = await otherSessions(client);
    if (others > 0) {
      throw new BackupError(`${others} other connection(s) to database "${client.database}" are open: stop the server on every machine that uses it (systemctl stop layanan-informasi), then restore.`);
    }
    const tables = await tablesOf(client, database.schema);
    if (tables.length > 0 && !replace) {
      throw new BackupError(`database "${client.database}" already holds ${tables.length} tables: restore into a fresh database, or add --replace to empty this one first.`);
    }
    if (tables.length > 0) {
      await client.query(`DROP TABLE ${tables.map((name) => `${quote(database.schema)}.${quote(name)}`).join(', ')} CASCADE`);
      const { rows } = await client.query("SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = $1", [database.schema]);
      for (const { name } of rows) await client.query(`DROP SEQUENCE IF EXISTS ${quote(database.schema)}.${quote(name)} CASCADE`);
    }
  } finally {
    await client.end();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnv(database).PGDATABASE}`, dump], libpqEnv(database));
  const after = await connect(database);
  try {
    return await countRows(after, database.schema);
  } finally {
    await after.end();
  }
}

export async function recordPostgres(database, run) {
  const client = await connect(database);
  try {
    if (!(await tablesOf(client, database.schema)).includes('backup_runs')) return false;
    await client.query(`INSERT INTO ${quote(database.schema)}.backup_runs (finished_at, file, bytes, duration_ms) VALUES ($1, $2, $3, $4)`, [run.finishedAt, run.file, run.bytes, run.durationMs]);
    return true;
  } finally {
    await client.end();
  }
}
