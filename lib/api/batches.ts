import "server-only";
// Batches for /api/v1: a keyset-paged list (newest first) and one batch with a "settled" flag, in
// the caller's scope (batchScope: supervisors see their own).
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getBatch } from "@/lib/jobs/queries";
import { isSettled } from "@/lib/jobs/query-options";
import type { Prisma } from "@/lib/generated/prisma/client";

export function encodeBatchCursor(b: { createdAt: Date; id: string }): string {
  return Buffer.from(`b:${b.createdAt.toISOString()}|${b.id}`, "utf8").toString("base64url");
}

export function decodeBatchCursor(cursor: string): { createdAt: Date; id: string } {
  const m = /^b:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new AppError("VALIDATION", "cursor is not one this API gave out: pass nextCursor from the previous page as it is.", "cursor");
  return { createdAt: new Date(m[1]), id: m[2] };
}

/** A batch with its jobs, and whether every job has ended with its results stored; null outside the caller's scope. */
export async function getBatchStatus(opts: { user: Actor; batchId: string; prisma?: Db }) {
  const batch = await getBatch(opts);
  if (!batch) return null;
  return { ...batch, settled: batch.status === "failed" || (batch.jobs.length > 0 && batch.jobs.every(isSettled)) };
}

/** One page of the caller's batches, newest first. */
export async function listBatches(opts: { user: Actor; limit: number; cursor?: string; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const after = opts.cursor ? decodeBatchCursor(opts.cursor) : null;
  const where: Prisma.BatchWhereInput = {
    ...batchScope(opts.user),
    ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
  };
  const rows = await prisma.batch.findMany({
    where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: opts.limit + 1,
    select: {
      id: true, name: true, status: true, message: true, recordCount: true, estCostUsd: true, createdAt: true, datasetId: true,
      modelConfig: { select: { name: true } },
      templateVersion: { select: { version: true, template: { select: { name: true } } } },
      jobs: { select: { status: true, ingestedAt: true } },
    },
  });
  const more = rows.length > opts.limit;
  const shown = more ? rows.slice(0, opts.limit) : rows;
  return {
    batches: shown.map((b) => ({
      id: b.id, name: b.name, status: b.status, message: b.message, recordCount: b.recordCount, estCostUsd: b.estCostUsd,
      modelName: b.modelConfig.name, templateLabel: `${b.templateVersion.template.name} v${b.templateVersion.version}`,
      datasetId: b.datasetId, createdAt: b.createdAt.toISOString(), jobCount: b.jobs.length,
      settled: b.status === "failed" || (b.jobs.length > 0 && b.jobs.every((j) => isSettled({ status: j.status, ingestedAt: j.ingestedAt?.toISOString() ?? null }))),
    })),
    nextCursor: more ? encodeBatchCursor(shown[shown.length - 1]) : null,
  };
}
