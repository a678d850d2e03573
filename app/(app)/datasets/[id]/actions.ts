"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { batchScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { estimateBatch } from "@/lib/jobs/estimate";
import { createOnDemandBatch } from "@/lib/ondemand/create";
import { failedRecords, remainingRecords } from "@/lib/jobs/retry";
import { ownsOrOversees } from "@/lib/auth/permissions";
import { deleteDataset as removeDataset } from "@/lib/retention/delete";
import { storageTarget } from "@/lib/storage/settings";

const EstimateInput = z.object({
  datasetId: z.string().min(1),
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
  retryOfBatchId: z.string().optional(),
  retryOfJobId: z.string().optional(),
});

/** Tokens, cost at batch prices and the split into jobs for the prepare form's current choices. */
export const estimateForDataset = action({ permission: "batches.submit" })
  .schema(EstimateInput)
  .action(async ({ input, user }) => {
    const prisma = await db();
    const visible = await prisma.dataset.findFirst({ where: { id: input.datasetId, ...batchScope(user) }, select: { id: true } });
    if (!visible) throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.", "datasetId");
    const { retryOfBatchId, retryOfJobId, ...choice } = input;
    let recordIds: string[] | undefined;
    if (retryOfBatchId) {
      const batch = await prisma.batch.findUnique({ where: { id: retryOfBatchId }, select: { createdById: true, datasetId: true } });
      if (!batch || batch.datasetId !== input.datasetId || !ownsOrOversees(user, batch.createdById)) throw new AppError("NOT_FOUND", "That batch does not exist or is not yours.");
      recordIds = (await failedRecords({ prisma, batchId: retryOfBatchId, jobId: retryOfJobId })).recordIds;
    } else recordIds = await remainingRecords(prisma, input.datasetId);
    return estimateBatch({ prisma, ...choice, recordIds });
  });

/** Deletes a dataset with every batch run on it and every S3 object of theirs (not while a job runs). */
export const deleteDataset = action({ permission: "data.delete" })
  .schema(z.object({ datasetId: z.string().min(1) }))
  .action(async ({ input, user }) => {
    const prisma = await db();
    await removeDataset({ prisma, storage: await storageTarget(prisma), actor: user, datasetId: input.datasetId });
    return { next: "/datasets" };
  });

const RunOnDemand = EstimateInput.extend({
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  requestKey: z.string().uuid("Reload the page and submit again."),
});

/** Runs a set under the job minimum call by call (InvokeModel); idempotent by the form's requestKey. */
export const runOnDemand = action({ permission: "batches.submit" })
  .schema(RunOnDemand)
  .action(async ({ input, user }) => createOnDemandBatch({ prisma: await db(), user, ...input }));
