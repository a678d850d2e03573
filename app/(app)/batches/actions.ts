"use server";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { createBatch } from "@/lib/jobs/submit";
import { storageTarget } from "@/lib/storage/settings";
import { SubmitBatchInput } from "@/lib/jobs/submit-input";

/** Creates the batch (idempotent by the form's requestKey); the tracker submits its jobs. */
export const submitBatch = action({ permission: "batches.submit" })
  .schema(SubmitBatchInput)
  .action(async ({ input, user }) => {
    const prisma = await db();
    return createBatch({ prisma, storage: await storageTarget(prisma), user, ...input });
  });
