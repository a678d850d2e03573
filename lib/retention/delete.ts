import "server-only";
// Deleting a dataset, a batch or one call: every S3 object that belongs to it (the normalised
// upload, job input and output), then the database rows, then an audit entry. Storage goes first,
// so a failure half-way leaves rows that a second attempt finds and finishes, never orphaned files.
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit, type AuditActor } from "@/lib/audit/log";
import { ownsOrOversees, type Actor } from "@/lib/auth/permissions";
import { isTerminal } from "@/lib/bedrock/statuses";
import { deletePrefix, dropLines, listObjects, parseS3Uri, type StorageTarget } from "@/lib/storage";

export type DeleteDeps = { prisma: Db; storage: StorageTarget; actor: (Actor & { email: string }) | null };

type JobFiles = { status: string; inputS3Uri: string; outputS3Uri: string };

/** The folders of a job part: its input, and its output (Bedrock writes under <output>/<jobId>/). */
function jobFolders(job: JobFiles) {
  return [parseS3Uri(job.inputS3Uri), parseS3Uri(job.outputS3Uri)].map((u) => ({ bucket: u.bucket, prefix: u.key.replace(/\/?$/, "/") }));
}

function refuseActive(jobs: JobFiles[], what: string) {
  const running = jobs.filter((j) => !isTerminal(j.status)).length;
  if (running) {
    throw new AppError("CONFLICT", `${what} has ${running} job${running === 1 ? "" : "s"} still running in Bedrock. Stop ${running === 1 ? "it" : "them"} and wait until ${running === 1 ? "it has" : "they have"} ended, then delete.`);
  }
}

function check(actor: DeleteDeps["actor"], createdById: string, what: string) {
  if (actor && !ownsOrOversees(actor, createdById)) throw new AppError("NOT_FOUND", `That ${what} does not exist or is not yours.`);
}

const auditActor = (actor: DeleteDeps["actor"]): AuditActor => (actor ? { id: actor.id, email: actor.email } : null);

/** Delete a batch: its jobs' input and output in S3, its jobs, events and results. */
export async function deleteBatch(deps: DeleteDeps & { batchId: string }): Promise<{ objects: number }> {
  const { prisma } = deps;
  const batch = await prisma.batch.findUnique({
    where: { id: deps.batchId },
    select: { id: true, name: true, datasetId: true, createdById: true, jobs: { select: { status: true, inputS3Uri: true, outputS3Uri: true } }, _count: { select: { retries: true } } },
  });
  if (!batch) throw new AppError("NOT_FOUND", "That batch does not exist or is not yours.");
  check(deps.actor, batch.createdById, "batch");
  refuseActive(batch.jobs, "The batch");
  let objects = 0;
  for (const job of batch.jobs) for (const f of jobFolders(job)) objects += await deletePrefix({ client: deps.storage.client, bucket: f.bucket, prefix: f.prefix });
  const results = await prisma.result.count({ where: { job: { batchId: batch.id } } });
  await prisma.$transaction(async (tx) => {
    await tx.batch.delete({ where: { id: batch.id } });
    await audit({ actor: auditActor(deps.actor), action: "batch.delete", targetType: "Batch", targetId: batch.id, before: { name: batch.name, datasetId: batch.datasetId, jobs: batch.jobs.length, results, objects } }, tx);
  });
  return { objects };
}

/** Delete a dataset: its normalised upload, every batch run on it (as deleteBatch), its transcripts. */
export async function deleteDataset(deps: DeleteDeps & { datasetId: string }): Promise<{ objects: number }> {
  const { prisma, storage } = deps;
  const dataset = await prisma.dataset.findUnique({
    where: { id: deps.datasetId },
    select: { id: true, name: true, fileName: true, createdById: true, sourceKey: true, recordCount: true, batches: { select: { id: true, jobs: { select: { status: true, inputS3Uri: true, outputS3Uri: true } } } } },
  });
  if (!dataset) throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.");
  check(deps.actor, dataset.createdById, "dataset");
  refuseActive(dataset.batches.flatMap((b) => b.jobs), "A batch of this dataset");
  let objects = 0;
  for (const job of dataset.batches.flatMap((b) => b.jobs)) for (const f of jobFolders(job)) objects += await deletePrefix({ client: storage.client, bucket: f.bucket, prefix: f.prefix });
  // The upload folder holds the normalised copy (and anything else stored for this upload).
  const folders = new Set([`${storage.uploadPrefix}/${dataset.id}/`]);
  if (dataset.sourceKey) folders.add(dataset.sourceKey.slice(0, dataset.sourceKey.lastIndexOf("/") + 1));
  for (const prefix of folders) if (prefix.includes(dataset.id)) objects += await deletePrefix({ ...storage, prefix });
  await prisma.$transaction(async (tx) => {
    await tx.batch.deleteMany({ where: { datasetId: dataset.id } });
    await tx.dataset.delete({ where: { id: dataset.id } });
    await audit({
      actor: auditActor(deps.actor), action: "dataset.delete", targetType: "Dataset", targetId: dataset.id,
      before: { name: dataset.name, fileName: dataset.fileName, transcripts: dataset.recordCount, batches: dataset.batches.length, objects },
    }, tx);
  });
  return { objects };
}

/**
 * Delete one call: its line in the normalised upload and in every job input and output file that
 * holds it (rewritten without it), its results and its transcript. The audit names only ids.
 */
export async function deleteCall(deps: DeleteDeps & { transcriptId: string }): Promise<{ lines: number }> {
  const { prisma, storage } = deps;
  const t = await prisma.transcript.findUnique({
    where: { id: deps.transcriptId },
    select: { id: true, recordId: true, callId: true, dataset: { select: { id: true, createdById: true, sourceKey: true, batches: { select: { jobs: { select: { status: true, inputS3Uri: true, outputS3Uri: true } } } } } } },
  });
  if (!t) throw new AppError("NOT_FOUND", "That call does not exist or is not yours.");
  check(deps.actor, t.dataset.createdById, "call");
  const jobs = t.dataset.batches.flatMap((b) => b.jobs);
  refuseActive(jobs, "A batch of this call's dataset");
  const mentions = (line: string, key: string, value: string) => {
    if (!line.includes(value)) return false; // cheap test before parsing a line that may be megabytes
    try {
      return (JSON.parse(line) as Record<string, unknown>)[key] === value;
    } catch {
      return false;
    }
  };
  let lines = 0;
  if (t.dataset.sourceKey) lines += await dropLines({ ...storage, key: t.dataset.sourceKey, drop: (l) => mentions(l, "callId", t.callId) });
  for (const f of jobs.flatMap(jobFolders)) {
    for await (const o of listObjects({ client: storage.client, bucket: f.bucket, prefix: f.prefix })) {
      if (!/\.jsonl(\.out)?$/.test(o.key)) continue;
      lines += await dropLines({ client: storage.client, bucket: f.bucket, kmsKeyId: storage.kmsKeyId, key: o.key, drop: (l) => mentions(l, "recordId", t.recordId) });
    }
  }
  await prisma.$transaction(async (tx) => {
    await tx.result.deleteMany({ where: { OR: [{ transcriptId: t.id }, { recordId: t.recordId, job: { batch: { datasetId: t.dataset.id } } }] } });
    await tx.transcript.delete({ where: { id: t.id } });
    await tx.dataset.update({ where: { id: t.dataset.id }, data: { recordCount: { decrement: 1 } } });
    await audit({ actor: auditActor(deps.actor), action: "call.delete", targetType: "Transcript", targetId: t.id, before: { datasetId: t.dataset.id, recordId: t.recordId, lines } }, tx);
  });
  return { lines };
}
