"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOnDemandBatch } from "@/lib/ondemand/create";
import { getResult } from "@/lib/results/queries";

const ResummarizeCall = z.object({
  resultId: z.string().min(1),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
  modelConfigId: z.string().min(1, "Choose a model."),
  requestKey: z.string().uuid("Reload the page and try again."),
});

/** Summarizes one call again (another template or model) on demand; the new result joins the call's history. */
export const resummarizeCall = action({ permission: "batches.submit" })
  .schema(ResummarizeCall)
  .action(async ({ input, user }) => {
    const prisma = await db();
    const r = await getResult({ user, resultId: input.resultId, prisma });
    if (!r) throw new AppError("NOT_FOUND", "That result does not exist or is not yours.");
    if (!r.transcriptId) throw new AppError("NOT_FOUND", "The call's transcript is no longer stored, so it cannot be summarized again.");
    return createOnDemandBatch({
      prisma, user, datasetId: r.datasetId, transcriptIds: [r.transcriptId], modelConfigId: input.modelConfigId,
      templateVersionId: input.templateVersionId, requestKey: input.requestKey, name: `Re-summarize ${r.callId ?? r.recordId}`,
    });
  });
