"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { batchScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { estimateBatch } from "@/lib/jobs/estimate";
import { createOnDemandBatch } from "@/lib/ondemand/create";

const EstimateInput = z.object({
  datasetId: z.string().min(1),
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
});

/** Tokens, cost at batch prices and the split into jobs for the prepare form's current choices. */
export const estimateForDataset = action({ permission: "batches.submit" })
  .schema(EstimateInput)
  .action(async ({ input, user }) => {
    const prisma = await db();
    const visible = await prisma.dataset.findFirst({ where: { id: input.datasetId, ...batchScope(user) }, select: { id: true } });
    if (!visible) throw new AppError("NOT_FOUND", "That dataset does not exist or is not yours.", "datasetId");
    return estimateBatch({ prisma, ...input });
  });

const RunOnDemand = EstimateInput.extend({
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  requestKey: z.string().uuid("Reload the page and submit again."),
});

/** Runs a set under the job minimum call by call (InvokeModel); idempotent by the form's requestKey. */
export const runOnDemand = action({ permission: "batches.submit" })
  .schema(RunOnDemand)
  .action(async ({ input, user }) => createOnDemandBatch({ prisma: await db(), user, ...input }));
