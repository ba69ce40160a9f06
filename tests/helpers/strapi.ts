import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { throwawayEnv } from '../../scripts/lib/throwaway-env';

export type DatabaseKind = 'sqlite' | 'postgres';

const CMS = path.resolve(__dirname, '..', '..', 'cms');

/** SQLite always; PostgreSQL too when DATABASE_URL names a server (CI sets it). */
export function databases(): DatabaseKind[] {
  if (process.env.DATABASE_URL) return ['sqlite', 'postgres'];
  if (!announced) {
    announced = true;
    console.info('DATABASE_URL is not set: the integration suites run on SQLite only.');
  }
  return ['sqlite'];
}
let announced = false;

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A database of its own for each suite: a temp SQLite file, or a fresh PostgreSQL database. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'layanan-test-'));
    return { env: { DATABASE_FILENAME: path.join(dir, 'data.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(process.env.DATABASE_URL!);
  const name = `layanan_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}


function applyEnv(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => applyEnv(previous);
}

interface PoolStats {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Strapi emits its entry events after a write commits, without awaiting them, and each reads the entry
 * again. Stopping while those reads still wait for a connection leaves them to time out a minute later in
 * whatever test runs then; so a suite waits for the pool to go idle first (bounded, a few seconds at most).
 */
async function settle(strapi: Core.Strapi): Promise<void> {
  const pool = (strapi.db.connection.client as { pool?: PoolStats }).pool;
  for (let round = 0; round < 200; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!pool || (pool.numUsed() === 0 && pool.numPendingAcquires() === 0)) return;
  }
}

export interface TestApp {
  strapi: Core.Strapi;
  http: ReturnType<typeof request>;
  stop(): Promise<void>;
}

/** Boots the real compiled CMS in this process, on the given database, and serves it over HTTP. */
export async function bootApp(database: TestDatabase, extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const restore = applyEnv(
    throwawayEnv({
      DATABASE_URL: undefined,
      DATABASE_FILENAME: undefined,
      LOG_LEVEL: 'warn',
      PUBLIC_RATE_LIMIT: '100000',
      TRACK_RATE_LIMIT: '100000',
      RECOVER_RATE_LIMIT: '100000',
      ...database.env,
      ...extraEnv,
    }),
  );
  // Strapi's sign-in limiter counts in one map for the whole process; each app booted here is a server of its
  // own, so it starts with none of the counts a suite's previous app (the other database) left behind.
  (require('koa2-ratelimit') as { Stores: { Memory: { cleanAll(): void } } }).Stores.Memory.cleanAll();
  let strapi: Core.Strapi;
  try {
    strapi = await createStrapi({ appDir: CMS, distDir: path.join(CMS, 'dist') }).load();
  } catch (error) {
    restore();
    throw error;
  }
  strapi.server.mount();
  return {
    strapi,
    http: request(strapi.server.httpServer),
    async stop() {
      await settle(strapi);
      await strapi.destroy();
      restore();
    },
  };
}
