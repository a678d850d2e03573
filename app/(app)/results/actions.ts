"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { deleteCall as removeCall } from "@/lib/retention/delete";
import { storageTarget } from "@/lib/storage/settings";

/** Deletes one call: its transcript, its results, and its lines in the upload copy and in every job file. */
export const deleteCall = action({ permission: "data.delete" })
  .schema(z.object({ transcriptId: z.string().min(1), next: z.string().regex(/^\/[a-z]+\/[A-Za-z0-9_-]+$/).optional() }))
  .action(async ({ input, user }) => {
    const prisma = await db();
    await removeCall({ prisma, storage: await storageTarget(prisma), actor: user, transcriptId: input.transcriptId });
    return { next: input.next ?? "/summaries" };
  });
