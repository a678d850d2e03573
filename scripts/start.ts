// `npm start` / `npm run dev`: the whole product on this machine.
// Embedded default (RECAP_S3_BUCKET unset): s3rver and bedrock-local on loopback, PGlite in
// this process, data in RECAP_DATA_DIR. With AWS settings it starts no stand-ins.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { ConfigError, parseConfig } from "../lib/config";
import { runShutdown, onShutdown } from "../lib/lifecycle";
import { startLocalS3Process } from "./stack/local-s3-process";
import { startBedrockLocalProcess } from "./stack/bedrock-local-process";
import { ensureBuilt } from "./stack/prepare";
import { migrateDatabase } from "./stack/migrate";
import { stopChild } from "./stack/child";

const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const log = (msg: string) => console.log(`[recap] ${msg}`);

async function main() {
  // The SDK repeats a Node 22 notice in every process it loads in; DEVELOPERS.md says it once.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  let cfg = readConfig();
  const embedded = !process.env.RECAP_S3_BUCKET;
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const started: string[] = [];

  if (embedded) {
    // Local stand-ins accept fixed credentials; real AWS credentials never reach them.
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    delete process.env.AWS_SESSION_TOKEN;
    process.env.RECAP_BEDROCK_ROLE_ARN ??= "arn:aws:iam::000000000000:role/RecapLocalBatch";
    if (!process.env.RECAP_S3_ENDPOINT) {
      const s3 = await startLocalS3Process({
        root,
        directory: path.join(cfg.dataDir, "s3"),
        port: Number(process.env.RECAP_S3_PORT ?? 4569),
        buckets: [cfg.bucket],
      });
      onShutdown("object store (s3rver)", s3.close, 80);
      process.env.RECAP_S3_ENDPOINT = s3.endpoint;
      started.push(`object store   s3rver at ${s3.endpoint}, bucket "${cfg.bucket}", files in ${path.join(cfg.dataDir, "s3")}`);
    }
    if (!process.env.RECAP_BEDROCK_ENDPOINT) {
      const engine = await startBedrockLocalProcess({ root, dataDir: path.join(cfg.dataDir, "bedrock-local"), log });
      if (engine) {
        onShutdown("batch engine (bedrock-local)", engine.close, 60);
        process.env.RECAP_BEDROCK_ENDPOINT = engine.endpoint;
        started.push(`batch engine   bedrock-local at ${engine.endpoint}`);
      } else {
        started.push("batch engine   none configured (bedrock-local is not part of this build yet)");
      }
    }
    cfg = readConfig();
  }

  log(cfg.databaseUrl ? "applying migrations to PostgreSQL" : "applying migrations to the embedded database");
  const applied = await migrateDatabase({ root, databaseUrl: cfg.databaseUrl, pgliteDir: path.join(cfg.dataDir, "pglite") });
  if (applied.length) log(`applied ${applied.join(", ")}`);
  started.unshift(
    cfg.databaseUrl ? `database       PostgreSQL (DATABASE_URL)` : `database       PGlite, files in ${path.join(cfg.dataDir, "pglite")}`,
  );

  if (cfg.role === "worker") {
    // No web server: the background loops run in scripts/worker.ts, under React's server condition
    // (lib/ guards itself with `server-only`).
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], { cwd: root, env: process.env, stdio: "inherit" });
    onShutdown("background worker", () => stopChild(worker), 20);
    worker.on("exit", (code) => void (stopping || process.exit(code ?? 1)));
    log("Recap is running as a worker (RECAP_ROLE=worker): no web server");
    for (const line of started) console.log(`  ${line}`);
    return;
  }

  if (!dev) await ensureBuilt({ root, log });
  const app = next({ dev, dir: root, hostname: "localhost", port: cfg.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    // Sign-in limits count per client address: unless a trusted proxy sets it, a client must not
    // be able to pick its own X-Forwarded-For.
    if (!cfg.trustProxy) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });
  // Uploads of 200 MB over a slow link take a while; don't cut them off.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(cfg.port, "0.0.0.0", resolve);
  });
  onShutdown("web server", () => new Promise<void>((r) => server.close(() => r())), 10);

  log(`Recap is running${dev ? " (development)" : ""}`);
  for (const line of started) console.log(`  ${line}`);
  console.log(`  web app        http://localhost:${cfg.port}`);
  console.log(`  ${embedded ? "Embedded default: no AWS account is used." : `AWS: region ${cfg.awsRegion}, bucket ${cfg.bucket}`}`);
  console.log("  Press Ctrl-C to stop.");
}

function readConfig() {
  try {
    return parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  const force = setTimeout(() => {
    console.error("[recap] did not stop within 15 s; exiting");
    process.exit(1);
  }, 15_000);
  force.unref();
  await runShutdown((m) => console.log(m));
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

main().catch(async (e) => {
  console.error(`[recap] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  await runShutdown(() => {});
  process.exit(1);
});
