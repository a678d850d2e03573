import "server-only";
// Reads for the comparison pages, limited to the caller's scope (a supervisor's own comparisons);
// one outside it is "not found". Each arm's results are read from its own batch's jobs.
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { getBatch } from "@/lib/jobs/queries";
import { isIngestible, isTerminal } from "@/lib/bedrock/statuses";
import type { BatchView, JobRow } from "@/lib/jobs/query-options";
import { ARMS, compareArms, type Arm, type ArmResult, type CallPair, type ComparisonTotals } from "./metrics";

export type ArmView = {
  arm: Arm;
  batchId: string;
  modelName: string;
  templateLabel: string;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  estCostUsd: number;
};

export type ComparisonView = {
  id: string;
  name: string;
  datasetId: string;
  datasetName: string;
  /** null: every call of the dataset */
  sampleSize: number | null;
  calls: number;
  createdAt: string;
  createdBy: string;
  arms: ArmView[];
  batches: BatchView[];
  /** both arms' jobs have ended and their results are in */
  settled: boolean;
};

export type ComparisonListRow = { id: string; name: string; datasetName: string; calls: number; arms: string[]; createdAt: string };

/** The caller's comparisons, newest first. */
export async function listComparisons(opts: { user: Actor; take?: number; prisma?: Db }): Promise<ComparisonListRow[]> {
  const prisma = opts.prisma ?? (await db());
  const rows = await prisma.comparison.findMany({
    where: batchScope(opts.user),
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 50,
    select: {
      id: true, name: true, createdAt: true, dataset: { select: { name: true } }, _count: { select: { calls: true } },
      batches: { orderBy: { comparisonArm: "asc" }, select: { comparisonArm: true, modelConfig: { select: { name: true } }, templateVersion: { select: { version: true, template: { select: { name: true } } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id, name: r.name, datasetName: r.dataset.name, calls: r._count.calls, createdAt: r.createdAt.toISOString(),
    arms: r.batches.map((b) => `${b.comparisonArm}: ${b.modelConfig.name}, ${b.templateVersion.template.name} v${b.templateVersion.version}`),
  }));
}

/** One comparison with its arms and their batches (for progress); null outside the caller's scope. */
export async function getComparison(opts: { user: Actor; comparisonId: string; prisma?: Db }): Promise<ComparisonView | null> {
  const prisma = opts.prisma ?? (await db());
  const c = await prisma.comparison.findFirst({
    where: { id: opts.comparisonId, ...batchScope(opts.user) },
    select: {
      id: true, name: true, sampleSize: true, createdAt: true, dataset: { select: { id: true, name: true } },
      createdBy: { select: { name: true, email: true } }, _count: { select: { calls: true } },
      batches: {
        orderBy: { comparisonArm: "asc" },
        select: {
          id: true, comparisonArm: true, estCostUsd: true,
          modelConfig: { select: { name: true, inputPricePerMTok: true, outputPricePerMTok: true } },
          templateVersion: { select: { version: true, template: { select: { name: true } } } },
        },
      },
    },
  });
  if (!c) return null;
  const batches = (await Promise.all(c.batches.map((b) => getBatch({ user: opts.user, batchId: b.id, prisma })))).filter((b): b is BatchView => b !== null);
  const arms = c.batches.map((b) => ({
    arm: b.comparisonArm as Arm, batchId: b.id, modelName: b.modelConfig.name,
    templateLabel: `${b.templateVersion.template.name} v${b.templateVersion.version}`,
    inputPricePerMTok: b.modelConfig.inputPricePerMTok, outputPricePerMTok: b.modelConfig.outputPricePerMTok, estCostUsd: b.estCostUsd,
  }));
  const settled = batches.length === ARMS.length && batches.every((b) => b.status === "failed" || (b.jobs.length > 0 && b.jobs.every(isSettled)));
  return {
    id: c.id, name: c.name, datasetId: c.dataset.id, datasetName: c.dataset.name, sampleSize: c.sampleSize, calls: c._count.calls,
    createdAt: c.createdAt.toISOString(), createdBy: c.createdBy.name || c.createdBy.email, arms, batches, settled,
  };
}

// As isSettled in lib/jobs/query-options, which is client code (it imports TanStack Query).
const isSettled = (j: Pick<JobRow, "status" | "ingestedAt">) => isTerminal(j.status) && (!isIngestible(j.status) || j.ingestedAt !== null);

const topicsOf = (fields: unknown): string[] => {
  const t = (fields as { topics?: unknown } | null)?.topics;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : [];
};

/** Every call of the comparison with each arm's result, in record order, and the totals over them. */
export async function comparisonPairs(opts: { comparison: Pick<ComparisonView, "id" | "arms">; prisma?: Db }): Promise<{ pairs: CallPair[]; totals: ComparisonTotals }> {
  const prisma = opts.prisma ?? (await db());
  const calls = await prisma.comparisonCall.findMany({
    where: { comparisonId: opts.comparison.id },
    select: { transcript: { select: { recordId: true, callId: true } } },
    orderBy: { transcript: { recordId: "asc" } },
  });
  const pairs = new Map<string, CallPair>(calls.map(({ transcript: t }) => [t.recordId, { recordId: t.recordId, callId: t.callId }]));
  for (const arm of opts.comparison.arms) {
    const results = await prisma.result.findMany({
      where: { job: { batchId: arm.batchId } },
      select: { recordId: true, ok: true, summary: true, sentiment: true, fields: true, inputTokens: true, outputTokens: true, errorMessage: true },
    });
    for (const r of results) {
      const pair = pairs.get(r.recordId);
      if (!pair) continue;
      const value: ArmResult = {
        ok: r.ok, summary: r.summary, sentiment: r.sentiment, topics: topicsOf(r.fields),
        inputTokens: r.inputTokens, outputTokens: r.outputTokens, errorMessage: r.errorMessage,
      };
      pair[arm.arm] = value;
    }
  }
  const list = [...pairs.values()];
  const price = (arm: Arm) => opts.comparison.arms.find((a) => a.arm === arm) ?? { inputPricePerMTok: 0, outputPricePerMTok: 0 };
  return { pairs: list, totals: compareArms(list, { A: price("A"), B: price("B") }) };
}
