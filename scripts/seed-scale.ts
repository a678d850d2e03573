// `npm run seed:scale -- --results N [--database-url URL | --pglite DIR] [--days 365] [--big-job M] [--reset]`
// Fills a database with N realistic summaries for the insights benchmarks: two supervisors' batches
// of 25,000 records in jobs of 1,000 (with --big-job, first one batch of a single M-record job, for
// the job page; give the same --big-job when adding to a database seeded with it), three models,
// 240 agents in 12 teams, calls over a year (weekday-heavy, a few topics rising in the last weeks),
// varied summaries, sentiments and topics.
// Rows are generated inside the database (INSERT ... SELECT FROM generate_series), a chunk a
// statement, and the topic rows and rollups are computed the way result ingestion keeps them.
// Without a database option it uses DATABASE_URL, else RECAP_DATA_DIR/pglite (stop `npm start` first).
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { migrate, readMigrations, type SqlTarget } from "./stack/migrate";
import { seedScaleSql, SEED_OWNERS } from "./seed-scale-sql";

const CHUNK = 50_000;
/** From this many results into an empty table, secondary indexes are built once at the end instead of row by row. */
const DEFER_INDEXES_FROM = 1_000_000;

async function open(opts: { url?: string; pgliteDir?: string }): Promise<SqlTarget & { close(): Promise<void>; label: string }> {
  if (opts.url) {
    const client = new pg.Client({ connectionString: opts.url });
    await client.connect();
    return {
      label: `PostgreSQL ${opts.url.replace(/\/\/[^@]*@/, "//")}`,
      exec: (sql) => client.query(sql),
      rows: async (sql, params) => (await client.query(sql, params)).rows,
      close: () => client.end(),
    };
  }
  const db = new PGlite(opts.pgliteDir!);
  return {
    label: `PGlite ${opts.pgliteDir}`,
    exec: (sql) => db.exec(sql),
    rows: async <T,>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    close: () => db.close(),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      results: { type: "string" }, "database-url": { type: "string" }, pglite: { type: "string" },
      days: { type: "string", default: "365" }, "big-job": { type: "string", default: "0" }, reset: { type: "boolean", default: false },
    },
  });
  const total = Number(values.results);
  if (!Number.isInteger(total) || total < 1 || total > 50_000_000) throw new Error("--results must be a whole number from 1 to 50,000,000, e.g. --results 100000");
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error("--days must be a whole number from 1 to 3650");
  const bigJob = Number(values["big-job"]);
  if (!Number.isInteger(bigJob) || bigJob < 0 || bigJob > total) throw new Error("--big-job must be a whole number of records from 0 to --results, e.g. --big-job 50000");
  const root = path.resolve(__dirname, "..");
  const url = values["database-url"] ?? (values.pglite ? undefined : process.env.DATABASE_URL);
  const pgliteDir = values.pglite ?? path.join(process.env.RECAP_DATA_DIR ?? path.join(root, ".data"), "pglite");
  const db = await open({ url, pgliteDir });
  try {
    console.log(`seeding ${total.toLocaleString("en-US")} results into ${db.label}`);
    await migrate(db, readMigrations(root));
    const sql = seedScaleSql({ days, bigJob });
    if (values.reset) {
      await db.exec(sql.reset);
      console.log("removed earlier seeded rows (and rebuilt the rollups)");
    }
    await db.exec(sql.setup);
    const [{ n }] = await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM "Result" WHERE id LIKE 'seed-%'`);
    const start = performance.now();
    // A fresh table of millions: keep only the unique indexes (the seed's ON CONFLICT needs them)
    // while rows go in, then build the rest once; several times faster than maintaining them.
    const deferred = n === 0 && total >= DEFER_INDEXES_FROM
      ? await db.rows<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename IN ('Result', 'ResultTopic', 'Transcript') AND indexdef NOT LIKE 'CREATE UNIQUE%'`)
      : [];
    for (const ix of deferred) await db.exec(`DROP INDEX "${ix.name}"`);
    if (deferred.length) console.log(`  ${deferred.length} secondary indexes are built after the rows (if this stops half-way, start again on a fresh database)`);
    for (let from = n; from < n + total; from += CHUNK) {
      const to = Math.min(from + CHUNK, n + total);
      await db.exec(sql.chunk(from, to));
      const s = (performance.now() - start) / 1000;
      console.log(`  ${(to - n).toLocaleString("en-US")} / ${total.toLocaleString("en-US")} results, ${s.toFixed(0)} s (${Math.round((to - n) / s).toLocaleString("en-US")}/s)`);
    }
    console.log("topics and rollups ...");
    await db.exec(sql.rollups);
    if (deferred.length) {
      if (url) await db.exec(`SET maintenance_work_mem = '1GB'`);
      for (const ix of deferred) {
        const t = performance.now();
        await db.exec(ix.def.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
        console.log(`  index ${ix.name}, ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
    }
    await db.exec(`VACUUM ANALYZE`);
    console.log(`done in ${((performance.now() - start) / 1000).toFixed(0)} s; sign in as ${SEED_OWNERS.join(" or ")} (supervisors, password not set: use Admin -> Users) or any manager`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
