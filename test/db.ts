// Fresh databases for tests: an in-memory PGlite per test file, and, when DATABASE_URL_TEST
// points at a reachable PostgreSQL server, a fresh schema there. Both get the committed migrations.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const migrationsDir = path.join(__dirname, "..", "prisma", "migrations");

export function migrationSql(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((d) => fs.statSync(path.join(migrationsDir, d)).isDirectory())
    .sort()
    .map((d) => fs.readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8"));
}

export type TestDb = { prisma: PrismaClient; kind: "pglite" | "postgres"; close: () => Promise<void> };

export async function createPgliteTestDb(): Promise<TestDb> {
  const pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
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
  for (const sql of migrationSql()) await admin.query(sql);
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
