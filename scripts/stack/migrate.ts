// Applies prisma/migrations to PGlite or PostgreSQL, keeping Prisma's own `_prisma_migrations`
// bookkeeping (same table, same checksums), so `prisma migrate deploy` and `migrate status` agree
// with it. Prisma 6.19's CLI cannot migrate through @prisma/adapter-pg (it fails to read a column
// of PostgreSQL type `name`), and with PGlite it exits without closing the database (fsync off).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type SqlTarget = {
  exec(sql: string): Promise<unknown>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
};

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(root: string): Migration[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Apply every migration not yet applied, each in its own transaction; returns the names applied. */
export async function migrate(db: SqlTarget, migrations: Migration[]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  const done = await db.rows<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(done.map((r) => [r.migration_name, r.checksum]));
  const ran: string[] = [];
  for (const m of migrations) {
    const known = applied.get(m.name);
    if (known) {
      if (known !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`);
      continue;
    }
    await db.exec("BEGIN");
    try {
      await db.exec(m.sql);
      await db.rows(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      await db.exec("COMMIT");
    } catch (e) {
      await db.exec("ROLLBACK");
      throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
    }
    ran.push(m.name);
  }
  return ran;
}

/** Migrate the database the configuration names: PostgreSQL at `databaseUrl`, else PGlite in `pgliteDir`. */
export async function migrateDatabase(opts: { root: string; databaseUrl?: string; pgliteDir: string }): Promise<string[]> {
  const migrations = readMigrations(opts.root);
  if (opts.databaseUrl) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    try {
      // One instance migrates at a time when several start together (Prisma uses the same lock id).
      await client.query("SELECT pg_advisory_lock(72707369)");
      return await migrate({ exec: (sql) => client.query(sql), rows: async (sql, params) => (await client.query(sql, params)).rows }, migrations);
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const db = new PGlite(opts.pgliteDir);
  try {
    return await migrate({ exec: (sql) => db.exec(sql), rows: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows }, migrations);
  } finally {
    await db.close();
  }
}
