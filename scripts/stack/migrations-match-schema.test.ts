// The committed migrations build exactly the schema in schema.prisma. Several branches add
// migrations side by side; a merge that keeps one side's model and drops the other's SQL (or the
// reverse) passes every query test that does not touch it and fails in production. This test
// builds one database from the migrations and one from `prisma migrate diff --from-empty`, and
// compares their tables, columns, indexes and constraints.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/scripts/stack/migrate";

const ROOT = path.join(__dirname, "..", "..");

// What migrations add by hand, beyond what Prisma 6 can say in the schema (see each migration):
// the full-text GIN index and partial indexes (`... WHERE ok AND listed`).
const handWritten = (name: string, def: string) => name === "Result_search_idx" || / WHERE /.test(def);

async function catalog(db: PGlite) {
  const q = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows.map((r) => Object.values(r).join(" | "));
  return {
    columns: await q(`select table_name, column_name, data_type, is_nullable, coalesce(column_default, '') from information_schema.columns
      where table_schema = 'public' and table_name <> '_prisma_migrations' order by 1, 2`),
    indexes: (await q(`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1`))
      .filter((row) => !handWritten(row.split(" | ")[0]!, row)),
    constraints: await q(`select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
      where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations' order by 1, 2`),
  };
}

describe("prisma/migrations", () => {
  it("build the same tables, columns, indexes and constraints as schema.prisma", async () => {
    const fromMigrations = new PGlite();
    await migrate({ exec: (sql) => fromMigrations.exec(sql), rows: async <T>(sql: string, params?: unknown[]) => (await fromMigrations.query<T>(sql, params)).rows }, readMigrations(ROOT));

    // The CLI opens the config's adapter: give it an empty PGlite folder of its own (one left by an
    // earlier, killed run can keep it from exiting).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "recap-schema-"));
    const sql = execFileSync(
      path.join(ROOT, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      {
        cwd: ROOT, encoding: "utf8",
        timeout: 90_000,
        env: { ...process.env, DATABASE_URL: "", RECAP_DATA_DIR: dataDir, PRISMA_QUERY_ENGINE_LIBRARY: "package.json", PRISMA_SCHEMA_ENGINE_BINARY: "package.json", PRISMA_HIDE_UPDATE_MESSAGE: "1", RECAP_PRISMA_URL: "postgresql://adapter" },
      },
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    const fromSchema = new PGlite();
    await fromSchema.exec(sql);

    const [a, b] = [await catalog(fromMigrations), await catalog(fromSchema)];
    await Promise.all([fromMigrations.close(), fromSchema.close()]);
    expect(a.columns.length).toBeGreaterThan(100);
    expect(a.columns).toEqual(b.columns);
    expect(a.indexes).toEqual(b.indexes);
    expect(a.constraints).toEqual(b.constraints);
  }, 120_000);
});
