import "server-only";
// Reads for the job pages and their polling routes. Every read is limited to what the caller may
// see (batchScope); a job outside it is "not found", never "forbidden", so ids leak nothing.
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { estimateCost, onDemandPrices } from "@/lib/results/cost";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BatchView, JobDetail, JobRow, JobsPage, JobStats } from "./query-options";

export const JOBS_PAGE_SIZE = 25;

export const jobSelect = {
  id: true, batchId: true, part: true, jobName: true, jobArn: true, status: true, message: true, stopRequested: true,
  recordCount: true, totalRecordCount: true, processedRecordCount: true, successRecordCount: true, errorRecordCount: true,
  inputTokenCount: true, outputTokenCount: true, createdAt: true, submitTime: true, endTime: true, ingestedAt: true,
  batch: { select: { name: true, modelConfig: { select: { name: true } } } },
} as const;

type JobRecord = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

const num = (v: bigint | null) => (v === null ? null : Number(v));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toJobRow(j: JobRecord): JobRow {
  return {
    id: j.id, batchId: j.batchId, batchName: j.batch.name, part: j.part, jobName: j.jobName, jobArn: j.jobArn,
    status: j.status, message: j.message, stopRequested: j.stopRequested, recordCount: j.recordCount,
    totalRecordCount: j.totalRecordCount, processedRecordCount: j.processedRecordCount,
    successRecordCount: j.successRecordCount, errorRecordCount: j.errorRecordCount,
    inputTokenCount: num(j.inputTokenCount), outputTokenCount: num(j.outputTokenCount), modelName: j.batch.modelConfig.name,
    createdAt: j.createdAt.toISOString(), submitTime: iso(j.submitTime), endTime: iso(j.endTime), ingestedAt: iso(j.ingestedAt),
  };
}

async function client(prisma?: Db): Promise<Db> {
  return prisma ?? (await db());
}

/** One page of the caller's jobs, newest first, optionally with one status. */
export async function listJobs(opts: { user: Actor; status?: string; page?: number; pageSize?: number; prisma?: Db }): Promise<JobsPage> {
  const prisma = await client(opts.prisma);
  const pageSize = opts.pageSize ?? JOBS_PAGE_SIZE;
  const where: Prisma.JobWhereInput = { batch: batchScope(opts.user), ...(opts.status ? { status: opts.status } : {}) };
  const total = await prisma.job.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  const jobs = await prisma.job.findMany({
    where, select: jobSelect, orderBy: [{ createdAt: "desc" }, { part: "asc" }], skip: (page - 1) * pageSize, take: pageSize,
  });
  return { jobs: jobs.map(toJobRow), total, page, pageCount, status: opts.status };
}

/** Jobs by status, and records processed and their cost per day (by the day each job ended), for the charts. */
export async function jobStats(opts: { user: Actor; days?: number; prisma?: Db }): Promise<JobStats> {
  const prisma = await client(opts.prisma);
  const scope = { batch: batchScope(opts.user) };
  const since = new Date(Date.now() - (opts.days ?? 30) * 86_400_000);
  const [groups, ended] = await Promise.all([
    prisma.job.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    prisma.job.findMany({
      where: { ...scope, endTime: { gte: since } },
      select: {
        endTime: true, processedRecordCount: true, inputTokenCount: true, outputTokenCount: true,
        batch: { select: { modelConfig: { select: { inputPricePerMTok: true, outputPricePerMTok: true } } } },
      },
    }),
  ]);
  const byDay = new Map<string, number>();
  const costs = new Map<string, number>();
  for (const j of ended) {
    const day = j.endTime!.toISOString().slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + (j.processedRecordCount ?? 0));
    const cost = estimateCost({ inputTokens: Number(j.inputTokenCount ?? 0), outputTokens: Number(j.outputTokenCount ?? 0), ...j.batch.modelConfig });
    costs.set(day, (costs.get(day) ?? 0) + cost);
  }
  return {
    byStatus: groups.map((g) => ({ status: g.status, count: g._count._all })).sort((a, b) => b.count - a.count),
    processedByDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, records]) => ({ day, records })),
    costByDay: [...costs].sort(([a], [b]) => a.localeCompare(b)).map(([day, costUsd]) => ({ day, costUsd: Math.round(costUsd * 10_000) / 10_000 })),
  };
}

/** A job with its status history, cost so far and the template version it ran; null outside the caller's scope. */
export async function getJob(opts: { user: Actor; jobId: string; prisma?: Db }): Promise<JobDetail | null> {
  const prisma = await client(opts.prisma);
  const job = await prisma.job.findFirst({
    where: { id: opts.jobId, batch: batchScope(opts.user) },
    select: {
      ...jobSelect,
      events: { select: { id: true, status: true, message: true, at: true }, orderBy: { at: "asc" } },
      batch: {
        select: {
          name: true, createdById: true, datasetId: true, mode: true, timeoutHours: true, tags: true,
          createdBy: { select: { name: true, email: true } },
          modelConfig: { select: { name: true, inputPricePerMTok: true, outputPricePerMTok: true, onDemandInputPricePerMTok: true, onDemandOutputPricePerMTok: true } },
          templateVersion: { select: { version: true, template: { select: { name: true } } } },
        },
      },
    },
  });
  if (!job) return null;
  const { batch } = job;
  const input = num(job.inputTokenCount);
  const output = num(job.outputTokenCount);
  const onDemand = batch.mode === "ondemand";
  const costUsd = input === null && output === null ? null : estimateCost({
    inputTokens: input ?? 0, outputTokens: output ?? 0,
    ...(onDemand ? onDemandPrices(batch.modelConfig) : { inputPricePerMTok: batch.modelConfig.inputPricePerMTok, outputPricePerMTok: batch.modelConfig.outputPricePerMTok }),
  });
  return {
    ...toJobRow(job),
    events: job.events.map((e) => ({ id: e.id, status: e.status, message: e.message, at: e.at.toISOString() })),
    costUsd,
    templateLabel: `${batch.templateVersion.template.name} v${batch.templateVersion.version}`,
    createdBy: batch.createdBy.name || batch.createdBy.email,
    createdById: batch.createdById,
    datasetId: batch.datasetId,
    onDemand,
    timeoutHours: batch.timeoutHours,
    tags: Array.isArray(batch.tags) ? (batch.tags as { key: string; value: string }[]) : [],
    createdByEmail: batch.createdBy.email,
  };
}

/** A batch and its job parts; null outside the caller's scope. */
export async function getBatch(opts: { user: Actor; batchId: string; prisma?: Db }): Promise<BatchView | null> {
  const prisma = await client(opts.prisma);
  const b = await prisma.batch.findFirst({
    where: { id: opts.batchId, ...batchScope(opts.user) },
    select: {
      id: true, name: true, status: true, message: true, recordCount: true, estCostUsd: true, createdAt: true, mode: true,
      dataset: { select: { id: true, name: true } },
      modelConfig: { select: { name: true } },
      templateVersion: { select: { version: true, template: { select: { name: true } } } },
      jobs: { select: jobSelect, orderBy: { part: "asc" } },
      comparisonArm: true, comparison: { select: { id: true, name: true } },
    },
  });
  if (!b) return null;
  return {
    id: b.id, name: b.name, status: b.status, message: b.message, recordCount: b.recordCount, estCostUsd: b.estCostUsd,
    modelName: b.modelConfig.name, templateLabel: `${b.templateVersion.template.name} v${b.templateVersion.version}`,
    datasetId: b.dataset.id, datasetName: b.dataset.name, createdAt: b.createdAt.toISOString(), jobs: b.jobs.map(toJobRow),
    comparison: b.comparison ? { ...b.comparison, arm: b.comparisonArm ?? "" } : null,
    onDemand: b.mode === "ondemand",
  };
}
