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
import { sweepRetention } from "@/lib/retention/sweep";

const KEY = Symbol.for("recap.tracker");
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
        };
        return trackOnce(deps);
      })().catch((e) => console.error("[tracker]", e));
      await current;
      await new Promise((r) => setTimeout(r, trackerIntervalMs));
    }
  };
  void loop();
  // The retention sweep runs once a day across all instances (a lease in the database); each
  // instance asks hourly, and only the one that gets the lease does the work.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = (async () => sweepRetention({ prisma, storage: await storageTarget(prisma), owner, log: console.error }))().catch((e) => console.error("[retention]", e));
  };
  const sweepTimer = setInterval(sweep, 60 * 60_000);
  sweepTimer.unref();
  setTimeout(sweep, 60_000).unref();
  onShutdown("job tracker", async () => {
    running = false;
    clearInterval(sweepTimer);
    await Promise.all([current, sweeping]);
  }, 20);
}
