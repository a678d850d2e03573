import "server-only";
// The retention setting (admin: keep transcripts and results N days) and its daily sweep. Every
// server instance runs the sweep's timer; a lease row in the database lets one of them run it per
// day, and an instance that dies mid-sweep loses the lease when it expires.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit, type AuditActor } from "@/lib/audit/log";
import type { StorageTarget } from "@/lib/storage";
import { deleteDataset } from "./delete";

export const RETENTION_LEASE = "retention-sweep";
const DAY_MS = 86_400_000;
const LEASE_MS = 15 * 60_000;

/** Empty: keep everything until someone deletes it. Otherwise 1 to 3,650 days. */
export const RetentionInput = z.object({
  keepDays: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce.number({ message: "Enter a number of days." }).int("Enter a whole number of days.").min(1, "Keep data at least 1 day.").max(3650, "At most 3,650 days (10 years).").nullable(),
  ),
});
export type RetentionInput = z.infer<typeof RetentionInput>;

export async function getRetention(prisma: Db): Promise<{ keepDays: number | null; lastRunAt: Date | null }> {
  const [setting, lease] = await Promise.all([
    prisma.retentionSetting.findUnique({ where: { id: "default" } }),
    prisma.lease.findUnique({ where: { name: RETENTION_LEASE } }),
  ]);
  return { keepDays: setting?.keepDays ?? null, lastRunAt: lease?.lastRunAt ?? null };
}

export async function setRetention(opts: { prisma: Db; actor: AuditActor; input: RetentionInput }): Promise<void> {
  await opts.prisma.$transaction(async (tx) => {
    const before = await tx.retentionSetting.findUnique({ where: { id: "default" } });
    const after = await tx.retentionSetting.upsert({ where: { id: "default" }, create: { keepDays: opts.input.keepDays }, update: { keepDays: opts.input.keepDays } });
    await audit({ actor: opts.actor, action: "retention.update", targetType: "RetentionSetting", targetId: "default", before: { keepDays: before?.keepDays ?? null }, after: { keepDays: after.keepDays } }, tx);
  });
}

/**
 * Take the named lease if nobody holds it and its work is due (last run more than `everyMs` ago):
 * one UPDATE, so of several instances asking at once exactly one gets it, on PGlite and PostgreSQL.
 */
export async function claimLease(prisma: Db, opts: { name: string; owner: string; everyMs: number; leaseMs?: number; now?: Date }): Promise<boolean> {
  const now = opts.now ?? new Date();
  await prisma.$executeRaw`INSERT INTO "Lease" ("name") VALUES (${opts.name}) ON CONFLICT ("name") DO NOTHING`;
  const claimed = await prisma.$executeRaw`
    UPDATE "Lease" SET "owner" = ${opts.owner}, "until" = ${new Date(now.getTime() + (opts.leaseMs ?? LEASE_MS))}
    WHERE "name" = ${opts.name} AND ("until" IS NULL OR "until" < ${now})
      AND ("lastRunAt" IS NULL OR "lastRunAt" <= ${new Date(now.getTime() - opts.everyMs)})`;
  return claimed === 1;
}

async function releaseLease(prisma: Db, name: string, owner: string, ran: Date) {
  await prisma.lease.updateMany({ where: { name, owner }, data: { owner: null, until: null, lastRunAt: ran } });
}

export type SweepReport = { ran: boolean; keepDays: number | null; deleted: string[]; skipped: { datasetId: string; reason: string }[] };

/** Once a day (whichever instance gets the lease): delete every dataset older than the retention setting, with what belongs to it. */
export async function sweepRetention(opts: { prisma: Db; storage: StorageTarget; owner: string; now?: Date; everyMs?: number; log?: (m: string) => void }): Promise<SweepReport> {
  const { prisma } = opts;
  const now = opts.now ?? new Date();
  const report: SweepReport = { ran: false, keepDays: null, deleted: [], skipped: [] };
  if (!(await claimLease(prisma, { name: RETENTION_LEASE, owner: opts.owner, everyMs: opts.everyMs ?? DAY_MS, now }))) return report;
  report.ran = true;
  try {
    report.keepDays = (await prisma.retentionSetting.findUnique({ where: { id: "default" } }))?.keepDays ?? null;
    if (report.keepDays === null) return report;
    const cutoff = new Date(now.getTime() - report.keepDays * DAY_MS);
    const old = await prisma.dataset.findMany({ where: { createdAt: { lt: cutoff } }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const d of old) {
      try {
        await deleteDataset({ prisma, storage: opts.storage, actor: null, datasetId: d.id });
        report.deleted.push(d.id);
      } catch (e) {
        // A batch still running keeps its dataset until the next sweep.
        report.skipped.push({ datasetId: d.id, reason: (e as Error).message });
      }
      await prisma.lease.updateMany({ where: { name: RETENTION_LEASE, owner: opts.owner }, data: { until: new Date(Date.now() + LEASE_MS) } });
    }
    if (report.deleted.length || report.skipped.length) {
      await audit({ actor: null, action: "retention.sweep", targetType: "RetentionSetting", targetId: "default", after: { keepDays: report.keepDays, cutoff: cutoff.toISOString(), deleted: report.deleted.length, skipped: report.skipped } });
    }
    if (report.skipped.length) opts.log?.(`[retention] kept ${report.skipped.length} datasets with running jobs until the next sweep`);
    return report;
  } finally {
    await releaseLease(prisma, RETENTION_LEASE, opts.owner, now);
  }
}
