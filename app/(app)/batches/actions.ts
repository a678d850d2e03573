"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { createBatch } from "@/lib/jobs/submit";
import { JobTagsField, TimeoutHoursField } from "@/lib/jobs/job-options";
import { deleteBatch as removeBatch } from "@/lib/retention/delete";
import { storageTarget } from "@/lib/storage/settings";

const SubmitBatch = z.object({
  datasetId: z.string().min(1),
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
  serviceRoleId: z.string().optional().transform((v) => v || undefined),
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  requestKey: z.string().uuid("Reload the page and submit again."),
  timeoutHours: TimeoutHoursField,
  tags: JobTagsField,
  /** a rerun of this batch's failed records (or of one job's, with retryOfJobId) */
  retryOfBatchId: z.string().optional().transform((v) => v || undefined),
  retryOfJobId: z.string().optional().transform((v) => v || undefined),
});

/** Creates the batch (idempotent by the form's requestKey); the tracker submits its jobs. */
export const submitBatch = action({ permission: "batches.submit" })
  .schema(SubmitBatch)
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
