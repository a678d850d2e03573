// `npm run worker`: background work only, no web server: the job tracker, the watched-source
// scheduler, the announcer of ended work and the webhook deliveries. Every loop takes leases, so
// run as many as you like beside web-only instances (RECAP_ROLE=web), all on one PostgreSQL
// server. PGlite lives inside one process, so a worker needs DATABASE_URL.
// Run with React's server condition, since lib/ guards itself with `server-only`:
//   node --conditions=react-server --import tsx scripts/worker.ts
import path from "node:path";
import { ConfigError, parseConfig } from "../lib/config";
import { runShutdown } from "../lib/lifecycle";
import { migrateDatabase } from "./stack/migrate";

const log = (msg: string) => console.log(`[recap worker] ${msg}`);

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  process.env.RECAP_ROLE = "worker";
  let cfg;
  try {
    cfg = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  if (!cfg.databaseUrl) {
    console.error("[recap worker] DATABASE_URL is not set: a worker shares a PostgreSQL server with the web instances (PGlite lives inside one process; use `npm start` for it).");
    process.exit(78);
  }
  const applied = await migrateDatabase({ root: path.resolve(__dirname, ".."), databaseUrl: cfg.databaseUrl, pgliteDir: "" });
  if (applied.length) log(`applied ${applied.join(", ")}`);
  const { startTrackerIfEnabled } = await import("../lib/system/background");
  await startTrackerIfEnabled();
  log(`running (pid ${process.pid}): job tracker, source scheduler, webhook deliveries`);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  setTimeout(() => process.exit(1), 15_000).unref();
  await runShutdown((m) => console.log(m));
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

main().catch(async (e) => {
  console.error(`[recap worker] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  await runShutdown(() => {});
  process.exit(1);
});
