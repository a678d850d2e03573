"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { createBatch } from "@/lib/jobs/submit";
import { storageTarget } from "@/lib/storage/settings";

const SubmitBatch = z.object({
  datasetId: z.string().min(1),
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
  serviceRoleId: z.string().optional().transform((v) => v || undefined),
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  requestKey: z.string().uuid("Reload the page and submit again."),
});

/** Creates the batch (idempotent by the form's requestKey); the tracker submits its jobs. */
export const submitBatch = action({ permission: "batches.submit" })
  .schema(SubmitBatch)
  .action(async ({ input, user }) => {
    const prisma = await db();
    return createBatch({ prisma, storage: await storageTarget(prisma), user, ...input });
  });
