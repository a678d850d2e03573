import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { postgresTestUrl } from "@/test/db";
import { tempDir } from "@/test/stack";
import { migrate, migrateDatabase, readMigrations } from "./migrate";

const root = path.resolve(__dirname, "..", "..");
const dir = tempDir("migrate");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("applying migrations", () => {
  it("applies every migration once to an on-disk PGlite and records them as Prisma does", async () => {
    const pgliteDir = path.join(dir, "pglite");
    const names = readMigrations(root).map((m) => m.name);
    expect(await migrateDatabase({ root, pgliteDir })).toEqual(names);
    // a second start applies nothing, and the data folder reopens cleanly
    expect(await migrateDatabase({ root, pgliteDir })).toEqual([]);
    const db = new PGlite(pgliteDir);
    const rows = (await db.query<{ migration_name: string; applied_steps_count: number }>(`SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
    expect(rows).toEqual(names.map((migration_name) => ({ migration_name, applied_steps_count: 1 })));
    expect((await db.query(`SELECT 1 FROM "Result" LIMIT 0`)).rows).toEqual([]);
    await db.close();
  });

  it("refuses a migration that was edited after it was applied, and rolls back one that fails", async () => {
    const db = new PGlite();
    const target = { exec: (sql: string) => db.exec(sql), rows: async <T>(sql: string, p?: unknown[]) => (await db.query<T>(sql, p)).rows };
    await migrate(target, [{ name: "0001_a", sql: "CREATE TABLE a (x int);", checksum: "one" }]);
    await expect(migrate(target, [{ name: "0001_a", sql: "CREATE TABLE a (y int);", checksum: "two" }])).rejects.toThrow(/was changed after it was applied/);
    await expect(
      migrate(target, [
        { name: "0001_a", sql: "", checksum: "one" },
        { name: "0002_b", sql: "CREATE TABLE b (x int); SELECT * FROM missing;", checksum: "b" },
      ]),
    ).rejects.toThrow(/migration 0002_b failed: .*missing/);
    expect((await db.query(`SELECT to_regclass('b') AS t`)).rows).toEqual([{ t: null }]);
    await db.close();
  });

  it("migrates a PostgreSQL server when one is reachable", async (ctx) => {
    const target = await postgresTestUrl();
    if (!target.url) return ctx.skip(target.reason);
    const name = `recap_migrate_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(target.url);
      url.pathname = `/${name}`;
      const names = readMigrations(root).map((m) => m.name);
      expect(await migrateDatabase({ root, databaseUrl: url.toString(), pgliteDir: "unused" })).toEqual(names);
      expect(await migrateDatabase({ root, databaseUrl: url.toString(), pgliteDir: "unused" })).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
