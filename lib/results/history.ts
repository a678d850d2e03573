import "server-only";
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";

export type CallHistoryEntry = {
  id: string; ok: boolean; createdAt: string; sentiment: string | null; summary: string | null; errorMessage: string | null;
  jobId: string; batchName: string; onDemand: boolean; modelName: string; templateLabel: string;
};

/** Every result one call has had (batch runs, retries, re-summaries), newest first, within the caller's scope. */
export async function callHistory(opts: { user: Actor; transcriptId: string; prisma?: Db; take?: number }): Promise<CallHistoryEntry[]> {
  const prisma = opts.prisma ?? (await db());
  const rows = await prisma.result.findMany({
    where: { transcriptId: opts.transcriptId, job: { batch: batchScope(opts.user) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 50,
    select: {
      id: true, ok: true, createdAt: true, sentiment: true, summary: true, errorMessage: true,
      job: {
        select: {
          id: true,
          batch: { select: { name: true, mode: true, modelConfig: { select: { name: true } }, templateVersion: { select: { version: true, template: { select: { name: true } } } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id, ok: r.ok, createdAt: r.createdAt.toISOString(), sentiment: r.sentiment, summary: r.summary, errorMessage: r.errorMessage,
    jobId: r.job.id, batchName: r.job.batch.name, onDemand: r.job.batch.mode === "ondemand", modelName: r.job.batch.modelConfig.name,
    templateLabel: `${r.job.batch.templateVersion.template.name} v${r.job.batch.templateVersion.version}`,
  }));
}
