import "server-only";
import os from "node:os";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { bedrock } from "@/lib/bedrock/client";
import { onShutdown } from "@/lib/lifecycle";
import { seedDefaults } from "@/lib/setup/seed-defaults";
import { storageTarget } from "@/lib/storage/settings";
import { ingestJobResults } from "@/lib/results/ingest";
import { trackOnce } from "@/lib/jobs/tracker";
import { bedrockRuntime } from "@/lib/bedrock/runtime-client";
import { runOnDemandSlice } from "@/lib/ondemand/run";

const KEY = Symbol.for("recap.tracker");
const LEASE_MS = 120_000;
const g = globalThis as unknown as { [KEY]?: boolean };

/** Seed defaults and start the job tracker with the server (once per process). */
export async function startTrackerIfEnabled(): Promise<void> {
  if (g[KEY]) return;
  g[KEY] = true;
  const prisma = await db();
  await seedDefaults(prisma);
  if (!config().trackerEnabled) return;
  const owner = `${os.hostname()}:${process.pid}`;
  const { trackerIntervalMs, trackerBasePollMs } = config();
  let running = true;
  let current: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (running) {
      current = (async () => {
        const storage = await storageTarget(prisma);
        const deps = {
          prisma, storage, bedrock: bedrock(), owner, basePollMs: trackerBasePollMs, log: console.error,
          ingest: (jobId: string) => ingestJobResults({ prisma, storage, jobId }),
          onDemand: (jobId: string) => runOnDemandSlice({ prisma, runtime: bedrockRuntime(), owner, leaseMs: LEASE_MS, log: console.error }, jobId),
        };
        return trackOnce({ ...deps, leaseMs: LEASE_MS });
      })().catch((e) => console.error("[tracker]", e));
      await current;
      await new Promise((r) => setTimeout(r, trackerIntervalMs));
    }
  };
  void loop();
  onShutdown("job tracker", async () => {
    running = false;
    await current;
  }, 20);
}
