"use server";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { createBatch } from "@/lib/jobs/submit";
import { deleteBatch as removeBatch } from "@/lib/retention/delete";
import { storageTarget } from "@/lib/storage/settings";
import { SubmitBatchInput } from "@/lib/jobs/submit-input";
import { z } from "zod";

/** Creates the batch (idempotent by the form's requestKey); the tracker submits its jobs. */
export const submitBatch = action({ permission: "batches.submit" })
  .schema(SubmitBatchInput)
  .action(async ({ input, user }) => {
    const prisma = await db();
    const { retryOfBatchId, retryOfJobId, ...rest } = input;
    const retryOf = retryOfBatchId ? { batchId: retryOfBatchId, jobId: retryOfJobId } : undefined;
    return createBatch({ prisma, storage: await storageTarget(prisma), user, ...rest, retryOf });
  });

/** Deletes a batch with its jobs' input and output in S3 (not while a job runs). */
export const deleteBatch = action({ permission: "data.delete" })
  .schema(z.object({ batchId: z.string().min(1) }))
  .action(async ({ input, user }) => {
    const prisma = await db();
    const { datasetId } = (await prisma.batch.findUnique({ where: { id: input.batchId }, select: { datasetId: true } })) ?? { datasetId: null };
    await removeBatch({ prisma, storage: await storageTarget(prisma), actor: user, batchId: input.batchId });
    return { next: datasetId ? `/datasets/${datasetId}` : "/jobs" };
  });
