import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createBatch } from "@/lib/jobs/submit";
import { recordIdFor } from "@/lib/jsonl";
import { keys, openObjectWriter, type StorageTarget } from "@/lib/storage";
import { isRole } from "@/lib/auth/roles";

export type GatherOutcome =
  | { kind: "submitted"; batchId: string; calls: number }
  | { kind: "waiting"; calls: number; note: string | null }
  | { kind: "idle" };

type SourceRow = {
  id: string; name: string; format: string; modelConfigId: string; templateVersionId: string;
  serviceRoleId: string | null; maxWaitSec: number; createdById: string;
};

/** An on-demand runner (built elsewhere) that takes calls below the model's job minimum; absent means none. */
export type OnDemand = (opts: { datasetId: string; source: SourceRow }) => Promise<{ batchId: string } | null>;

/**
 * Submit a source's waiting calls as a batch when enough have gathered (the model's minimum), or
 * when the oldest has waited longer than the source allows and something can run fewer. Resumable:
 * a dataset the source made but never submitted (a crash in between) is finished first, with the
 * same request key, so it becomes exactly one batch.
 */
export async function gatherAndSubmit(opts: { prisma: Db; storage: StorageTarget; source: SourceRow; onDemand?: OnDemand; now?: Date }): Promise<GatherOutcome> {
  const { prisma, source } = opts;
  const model = await prisma.modelConfig.findUnique({ where: { id: source.modelConfigId } });
  if (!model) throw new AppError("NOT_FOUND", `The model of source "${source.name}" no longer exists.`);
  const unfinished = await prisma.dataset.findFirst({
    where: { sourceId: source.id, batches: { none: {} } }, orderBy: { createdAt: "asc" }, select: { id: true, recordCount: true },
  });
  if (unfinished) {
    // Gathered for the on-demand runner (below the minimum) and cut short: finish it the same way.
    if (unfinished.recordCount < model.minRecordsPerJob && opts.onDemand) {
      const out = await opts.onDemand({ datasetId: unfinished.id, source });
      if (out) return { kind: "submitted", batchId: out.batchId, calls: unfinished.recordCount };
    }
    return submitDataset(opts, unfinished.id);
  }

  const waiting = await prisma.sourceCall.count({ where: { sourceId: source.id, datasetId: null } });
  if (waiting === 0) return { kind: "idle" };
  const oldest = await prisma.sourceCall.findFirst({ where: { sourceId: source.id, datasetId: null }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  const waitedSec = ((opts.now ?? new Date()).getTime() - oldest!.createdAt.getTime()) / 1000;
  const enough = waiting >= model.minRecordsPerJob;
  const overdue = waitedSec >= source.maxWaitSec;
  if (!enough && !overdue) {
    return { kind: "waiting", calls: waiting, note: `${waiting} of ${model.minRecordsPerJob} calls (${model.name}'s job minimum) have gathered.` };
  }
  if (!enough && !opts.onDemand) {
    return {
      kind: "waiting", calls: waiting,
      note: `${waiting} calls have waited longer than ${source.maxWaitSec} s, but ${model.name} needs ${model.minRecordsPerJob} per batch job and no on-demand runner is available; they wait for more.`,
    };
  }
  const datasetId = await claimCalls(prisma, source, Math.min(waiting, model.maxRecordsPerJob));
  if (!enough) {
    const out = await opts.onDemand!({ datasetId, source });
    return out ? { kind: "submitted", batchId: out.batchId, calls: waiting } : { kind: "waiting", calls: waiting, note: "The on-demand runner did not take the calls." };
  }
  return submitDataset(opts, datasetId);
}

/** Move up to `limit` waiting calls into a new dataset, in one transaction (so no call joins two). */
async function claimCalls(prisma: Db, source: SourceRow, limit: number): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const calls = await tx.sourceCall.findMany({
      where: { sourceId: source.id, datasetId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit,
      select: { id: true, callId: true, text: true, metadata: true },
    });
    const dataset = await tx.dataset.create({
      data: {
        name: `${source.name} ${new Date().toISOString().slice(0, 16).replace("T", " ")}`, fileName: `source:${source.name}`,
        format: source.format, sizeBytes: 0n, sha256: "", recordCount: calls.length, createdById: source.createdById, sourceId: source.id,
      },
    });
    // Two files may name the same call: the later one keeps its data under a suffixed id.
    const seen = new Map<string, number>();
    const rows = calls.map((c, i) => {
      const n = (seen.get(c.callId) ?? 0) + 1;
      seen.set(c.callId, n);
      const callId = n === 1 ? c.callId : `${c.callId}#${n}`;
      return { datasetId: dataset.id, callId, recordId: recordIdFor(i + 1), text: c.text, lineNumber: i + 1, charCount: c.text.length, metadata: c.metadata ?? undefined };
    });
    await tx.transcript.createMany({ data: rows });
    const claimed = await tx.sourceCall.updateMany({ where: { id: { in: calls.map((c) => c.id) }, datasetId: null }, data: { datasetId: dataset.id } });
    if (claimed.count !== calls.length) throw new Error("another scheduler claimed these calls; the lease should have prevented it");
    return dataset.id;
  });
}

/** Write the dataset's normalised transcripts (deterministic, so a rerun writes the same bytes) and create its batch. */
async function submitDataset(opts: { prisma: Db; storage: StorageTarget; source: SourceRow }, datasetId: string): Promise<GatherOutcome> {
  const { prisma, storage, source } = opts;
  const key = keys.upload(storage.uploadPrefix, datasetId, "transcripts.jsonl");
  const transcripts = await prisma.transcript.findMany({ where: { datasetId }, orderBy: { recordId: "asc" }, select: { callId: true, text: true } });
  const out = openObjectWriter({ ...storage, key, contentType: "application/jsonl" });
  try {
    for (const t of transcripts) await out.write(JSON.stringify({ callId: t.callId, text: t.text }) + "\n");
    await out.close();
  } catch (e) {
    await out.abort();
    throw e;
  }
  await prisma.dataset.update({ where: { id: datasetId }, data: { sourceKey: key, report: { problemCount: 0, problems: [], normalizedKey: key } } });
  const owner = await prisma.user.findUniqueOrThrow({ where: { id: source.createdById }, select: { id: true, email: true, name: true, role: true } });
  if (!isRole(owner.role)) throw new Error(`user ${owner.id} has no known role`);
  const { batchId } = await createBatch({
    prisma, storage, user: { ...owner, role: owner.role }, datasetId,
    modelConfigId: source.modelConfigId, templateVersionId: source.templateVersionId,
    serviceRoleId: source.serviceRoleId ?? undefined, requestKey: `source:${datasetId}`,
  });
  return { kind: "submitted", batchId, calls: transcripts.length };
}
