// `npm run db:migrate`: apply prisma/migrations to the configured database (DATABASE_URL, else PGlite).
import path from "node:path";
import { parseConfig } from "../lib/config";
import { migrateDatabase } from "./stack/migrate";

const cfg = parseConfig(process.env);
migrateDatabase({ root: path.resolve(__dirname, ".."), databaseUrl: cfg.databaseUrl, pgliteDir: path.join(cfg.dataDir, "pglite") }).then(
  (applied) => console.log(applied.length ? `applied ${applied.join(", ")}` : "the database is up to date"),
  (e) => {
    console.error((e as Error).message);
    process.exit(1);
  },
);
