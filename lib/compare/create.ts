import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/guards";
import { ownsOrOversees } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/log";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { estimateBatch } from "@/lib/jobs/estimate";
import type { StorageTarget } from "@/lib/storage";
import { ARMS } from "./metrics";
import { runArm, type ArmChoice } from "./run-arm";

const armChoice = z.object({
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
});

/** The comparison form: a dataset, every call or a sample of N, and the two arms. */
export const CreateComparison = z.object({
  datasetId: z.string().min(1),
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  sample: z.enum(["all", "sample"]),
  sampleSize: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int("Enter a whole number of calls.").min(1, "Enter how many calls to sample.").optional()),
  serviceRoleId: z.string().optional().transform((v) => v || undefined),
  A: armChoice,
  B: armChoice,
  requestKey: z.string().uuid("Reload the page and submit again."),
}).superRefine((v, ctx) => {
  if (v.sample === "sample" && v.sampleSize === undefined) ctx.addIssue({ code: "custom", path: ["sampleSize"], message: "Enter how many calls to sample." });
  if (v.A.modelConfigId === v.B.modelConfigId && v.A.templateVersionId === v.B.templateVersionId) {
    ctx.addIssue({ code: "custom", path: ["B", "modelConfigId"], message: "Both arms use the same model and template version. Change the model or the template of one of them." });
  }
});
export type CreateComparison = z.infer<typeof CreateComparison>;

/**
 * Draws the sample (fixed from then on), records the comparison and starts both arms. The sample
 * must reach each arm's minimum records per job, since each arm runs as a Bedrock batch job.
 * One requestKey makes one comparison: a retried request resumes the arms it had not started.
 */
export async function createComparison(opts: { prisma: Db; storage: StorageTarget; user: SessionUser; input: CreateComparison }): Promise<{ comparisonId: string }> {
  const { prisma, user, input } = opts;
  const arms: Record<(typeof ARMS)[number], ArmChoice> = { A: input.A, B: input.B };
  let comparison = await prisma.comparison.findUnique({ where: { requestKey: input.requestKey } });
  if (!comparison) {
    const dataset = await prisma.dataset.findUnique({ where: { id: input.datasetId }, select: { id: true, name: true, recordCount: true, createdById: true } });
    if (!dataset || !ownsOrOversees(user, dataset.createdById)) throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.", "datasetId");
    const size = input.sample === "sample" ? input.sampleSize! : dataset.recordCount;
    if (size > dataset.recordCount) {
      throw new AppError("VALIDATION", `This dataset has ${dataset.recordCount.toLocaleString("en-US")} calls; sample at most that many, or compare every call.`, "sampleSize");
    }
    await checkArms(prisma, { datasetId: dataset.id, size, arms });
    const name = input.name?.trim() || `${dataset.name} compared`;
    try {
      comparison = await prisma.$transaction(async (tx) => {
        const c = await tx.comparison.create({
          data: { name, datasetId: dataset.id, createdById: user.id, requestKey: input.requestKey, sampleSize: input.sample === "sample" ? size : null },
        });
        // md5 of (transcript, comparison) orders the calls at random, but the same way on every run.
        await tx.$executeRaw`
          INSERT INTO "ComparisonCall" ("comparisonId", "transcriptId")
          SELECT ${c.id}, t.id FROM "Transcript" t WHERE t."datasetId" = ${dataset.id}
          ORDER BY md5(t.id || ${c.id}) LIMIT ${size}`;
        await audit({ actor: user, action: "comparison.create", targetType: "Comparison", targetId: c.id, after: { name, datasetId: dataset.id, calls: size, arms } }, tx);
        return c;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      comparison = await prisma.comparison.findUniqueOrThrow({ where: { requestKey: input.requestKey } });
    }
  }
  if (comparison.createdById !== user.id) throw new AppError("CONFLICT", "That form was already used by someone else. Reload the page.");
  const c = { id: comparison.id, name: comparison.name, datasetId: comparison.datasetId, requestKey: input.requestKey, serviceRoleId: input.serviceRoleId };
  for (const arm of ARMS) await runArm({ prisma, storage: opts.storage, user, comparison: c, arm, choice: arms[arm] });
  return { comparisonId: comparison.id };
}

/** Refuses, before anything is written, a sample one of the arms' models cannot run as a batch job. */
async function checkArms(prisma: Db, opts: { datasetId: string; size: number; arms: Record<(typeof ARMS)[number], ArmChoice> }) {
  for (const arm of ARMS) {
    const choice = opts.arms[arm];
    const model = await prisma.modelConfig.findUnique({ where: { id: choice.modelConfigId }, select: { name: true, minRecordsPerJob: true } });
    if (model && opts.size < model.minRecordsPerJob) {
      throw new AppError(
        "QUOTA",
        `${opts.size.toLocaleString("en-US")} calls are below ${model.name}'s minimum of ${model.minRecordsPerJob.toLocaleString("en-US")} records per batch job (arm ${arm}). Sample at least ${model.minRecordsPerJob.toLocaleString("en-US")} calls, or choose another model.`,
        "sampleSize",
      );
    }
    const estimate = await estimateBatch({ prisma, datasetId: opts.datasetId, ...choice, sampleSize: opts.size });
    if (!estimate.plan.ok) throw new AppError("QUOTA", `Arm ${arm}: ${estimate.plan.error.message}`, "sampleSize");
  }
}
