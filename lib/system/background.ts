import "server-only";
import os from "node:os";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { bedrock } from "@/lib/bedrock/client";
import { onShutdown } from "@/lib/lifecycle";
import { seedDefaults } from "@/lib/setup/seed-defaults";
import { s3 } from "@/lib/storage";
import { storageTarget } from "@/lib/storage/settings";
import { ingestJobResults } from "@/lib/results/ingest";
import { trackOnce } from "@/lib/jobs/tracker";
import { runSourcesOnce } from "@/lib/sources/scheduler";
import { sourceOnDemand } from "@/lib/sources/on-demand";
import { announceEndedWork } from "@/lib/webhooks/batch-events";
import { deliverDue } from "@/lib/webhooks/deliver";
import { emitEvent } from "@/lib/webhooks/events";
import { bedrockRuntime } from "@/lib/bedrock/runtime-client";
import { runOnDemandSlice } from "@/lib/ondemand/run";
import { sweepRetention } from "@/lib/retention/sweep";

const KEY = Symbol.for("recap.tracker");
const g = globalThis as unknown as { [KEY]?: boolean };

/**
 * Seed defaults and start the background loops with the server (once per process): the job
 * tracker, the watched-source scheduler, the announcer of ended work and the webhook deliveries.
 * Each takes leases, so any number of instances may run them. RECAP_ROLE=web runs none.
 */
export async function startTrackerIfEnabled(): Promise<void> {
  if (g[KEY]) return;
  g[KEY] = true;
  const prisma = await db();
  await seedDefaults(prisma);
  const { trackerEnabled, role, trackerIntervalMs, trackerBasePollMs, leaseMs, webhooksAllowLocal } = config();
  if (!trackerEnabled || role === "web") return;
  const owner = `${os.hostname()}:${process.pid}`;
  const log = console.error;

  const tracker = loop("job tracker", trackerIntervalMs, async () => {
    const storage = await storageTarget(prisma);
    await trackOnce({
      prisma, storage, bedrock: bedrock(), owner, basePollMs: trackerBasePollMs, leaseMs, log,
      ingest: (jobId: string) => ingestJobResults({ prisma, storage, jobId }),
      onDemand: (jobId: string) => runOnDemandSlice({ prisma, runtime: bedrockRuntime(), owner, leaseMs, log }, jobId),
    });
  });
  const sources = loop("source scheduler", Math.max(trackerIntervalMs, 1000), async () => {
    const storage = await storageTarget(prisma);
    await runSourcesOnce({
      prisma, storage, s3: s3(), owner, leaseMs, log, onDemand: sourceOnDemand(prisma),
      emit: (e) => emitEvent(prisma, {
        key: e.key, event: e.event, data: { source: { id: e.sourceId, name: e.name }, message: e.message },
        notify: { userId: e.ownerId, title: `Source "${e.name}" could not read a file`, body: e.message.slice(0, 500), href: "/admin/sources" },
      }),
    });
  });
  const webhooks = loop("webhooks", Math.max(trackerIntervalMs, 1000), async () => {
    await announceEndedWork(prisma);
    await deliverDue({ prisma, owner, leaseMs, allowLocal: webhooksAllowLocal, log });
  });
  // The retention sweep runs once a day across all instances (a lease in the database); each
  // instance asks hourly, and only the one that gets the lease does the work.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = (async () => sweepRetention({ prisma, storage: await storageTarget(prisma), owner, log }))().catch((e) => console.error("[retention]", e));
  };
  const sweepTimer = setInterval(sweep, 60 * 60_000);
  sweepTimer.unref();
  setTimeout(sweep, 60_000).unref();
  onShutdown("background work", async () => {
    clearInterval(sweepTimer);
    await Promise.all([tracker.stop(), sources.stop(), webhooks.stop(), sweeping]);
  }, 20);
}

/** Run `pass` every `intervalMs` until stopped; a failed pass is logged and the next one runs. */
function loop(name: string, intervalMs: number, pass: () => Promise<unknown>) {
  let running = true;
  let current: Promise<unknown> = Promise.resolve();
  let wake: (() => void) | undefined;
  void (async () => {
    while (running) {
      current = pass().catch((e) => console.error(`[${name}]`, e));
      await current;
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, intervalMs);
      });
    }
  })();
  return {
    stop: async () => {
      running = false;
      wake?.();
      await current;
    },
  };
}
