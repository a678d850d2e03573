import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/lib/db";
import type { StorageTarget } from "@/lib/storage";
import { discoverObjects, ingestObject } from "./scan";
import { gatherAndSubmit, type OnDemand } from "./gather";

/** A source event for webhooks and notifications; handed in, since those come later in the data flow. */
export type SourceEvent = { event: "source.error"; key: string; sourceId: string; name: string; message: string; ownerId: string };

export type SchedulerDeps = {
  prisma: Db;
  storage: StorageTarget;
  /** the client that reads the watched buckets (the app's own S3 client unless told otherwise) */
  s3: S3Client;
  /** this process's name on the leases it takes */
  owner: string;
  leaseMs?: number;
  onDemand?: OnDemand;
  emit?: (e: SourceEvent) => Promise<unknown>;
  log?: (msg: string) => void;
  /** objects read per pass of one source, so one busy source does not hold its lease for ever */
  objectsPerPass?: number;
};

/**
 * Claim due sources with a lease, like the tracker claims jobs: the same statement on PGlite
 * and PostgreSQL, SKIP LOCKED so several instances share the work, and a dead one's lease expires.
 */
export async function claimDueSources(prisma: Db, owner: string, limit: number, leaseMs: number): Promise<string[]> {
  const now = new Date();
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Source" SET "leaseOwner" = $1, "leaseUntil" = $2
     WHERE id IN (
       SELECT id FROM "Source"
       WHERE enabled AND "nextScanAt" <= $3 AND ("leaseUntil" IS NULL OR "leaseUntil" < $3)
       ORDER BY "nextScanAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    owner, new Date(now.getTime() + leaseMs), now, limit,
  );
  return rows.map((r) => r.id);
}

export type ScanReport = { sourceId: string; discovered: number; ingested: number; failed: string[]; batchId?: string; waiting?: number };

/** One pass over every due source: list, read new objects, submit what has gathered. */
export async function runSourcesOnce(deps: SchedulerDeps, limit = 5): Promise<ScanReport[]> {
  const ids = await claimDueSources(deps.prisma, deps.owner, limit, deps.leaseMs ?? 300_000);
  const reports: ScanReport[] = [];
  for (const id of ids) reports.push(await scanSource(deps, id));
  return reports;
}

/** Scan one claimed source and release its lease, with the next scan due after its interval. */
export async function scanSource(deps: SchedulerDeps, id: string): Promise<ScanReport> {
  const { prisma } = deps;
  const report: ScanReport = { sourceId: id, discovered: 0, ingested: 0, failed: [] };
  const source = await prisma.source.findUnique({ where: { id } });
  if (!source) return report;
  const errors: string[] = [];
  let waitingNote: string | null = null;
  let more = false;
  try {
    report.discovered = await discoverObjects(prisma, deps.s3, source);
    const pending = await prisma.sourceObject.findMany({
      where: { sourceId: id, status: "pending" }, orderBy: { createdAt: "asc" }, take: deps.objectsPerPass ?? 200, select: { id: true, key: true },
    });
    more = pending.length === (deps.objectsPerPass ?? 200);
    for (const object of pending) {
      try {
        const out = await ingestObject(prisma, deps.s3, source, object);
        if (out.calls === 0) report.failed.push(out.key);
        else report.ingested++;
        if (out.calls === 0 && out.error) errors.push(out.error);
      } catch (e) {
        // Unreadable now (network, permissions): it stays pending and is tried again next scan.
        errors.push((e as Error).message);
      }
    }
    const gathered = await gatherAndSubmit({ prisma, storage: deps.storage, source, onDemand: deps.onDemand });
    if (gathered.kind === "submitted") report.batchId = gathered.batchId;
    if (gathered.kind === "waiting") {
      report.waiting = gathered.calls;
      waitingNote = gathered.note;
    }
  } catch (e) {
    errors.push((e as Error).message);
  }
  const now = new Date();
  await prisma.source.update({
    where: { id },
    data: {
      leaseOwner: null, leaseUntil: null, lastScanAt: now, waitingNote,
      nextScanAt: new Date(now.getTime() + (more ? 0 : source.scanIntervalSec * 1000)),
      // The last scan's errors only; files that could not be read stay listed as failed objects.
      lastError: errors.length ? errors.join("\n").slice(0, 4000) : null,
      ...(errors.length ? { lastErrorAt: now } : {}),
    },
  });
  for (const message of errors) {
    deps.log?.(`[sources] ${source.name}: ${message}`);
    await deps.emit?.({ event: "source.error", key: `source:${id}:${now.getTime()}:${errors.indexOf(message)}`, sourceId: id, name: source.name, message, ownerId: source.createdById })
      .catch((e) => deps.log?.(`[sources] could not announce an error: ${(e as Error).message}`));
  }
  return report;
}
