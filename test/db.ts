// Fresh databases for tests: an in-memory PGlite per test file, and, when DATABASE_URL_TEST
// points at a reachable PostgreSQL server, a fresh schema there. Both get the committed migrations
// through the same runner `npm start` uses.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate, readMigrations } from "@/scripts/stack/migrate";

const migrations = () => readMigrations(path.join(__dirname, ".."));

export type TestDb = { prisma: PrismaClient; kind: "pglite" | "postgres"; close: () => Promise<void> };

export async function createPgliteTestDb(): Promise<TestDb> {
  const pglite = new PGlite();
  await migrate({ exec: (sql) => pglite.exec(sql), rows: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows }, migrations());
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** The PostgreSQL server for tests, or the reason it is not used. */
export async function postgresTestUrl(): Promise<{ url?: string; reason?: string }> {
  const url = process.env.DATABASE_URL_TEST;
  if (!url) return { reason: "DATABASE_URL_TEST is not set" };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return { url };
  } catch (e) {
    return { reason: `PostgreSQL at DATABASE_URL_TEST does not answer: ${(e as Error).message}` };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createPostgresTestDb(url: string): Promise<TestDb> {
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.query(`set search_path to "${schema}"`);
  await migrate({ exec: (sql) => admin.query(sql), rows: async (sql, params) => (await admin.query(sql, params)).rows }, migrations());
  await admin.end();
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, options: `-c search_path="${schema}"` }, { schema }),
  });
  return {
    prisma,
    kind: "postgres",
    close: async () => {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema "${schema}" cascade`);
      await c.end();
    },
  };
}

/**
 * The databases a test file runs on, for `describe.each`: PGlite always, and the PostgreSQL
 * server when DATABASE_URL_TEST answers (else a warning naming the file says why it was skipped).
 */
export async function databaseTargets(testName: string): Promise<Array<[string, () => Promise<TestDb>]>> {
  const pg = await postgresTestUrl();
  if (!pg.url) console.warn(`[${testName}] PostgreSQL run skipped: ${pg.reason}`);
  const targets: Array<[string, () => Promise<TestDb>]> = [["PGlite", createPgliteTestDb]];
  if (pg.url) targets.push(["PostgreSQL", () => createPostgresTestDb(pg.url!)]);
  return targets;
}
