"use server";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { CreateComparison, createComparison } from "@/lib/compare/create";
import { storageTarget } from "@/lib/storage/settings";

/** Draws the sample and starts both arms (idempotent by the form's requestKey); the tracker runs them. */
export const startComparison = action({ permission: "batches.submit" })
  .schema(CreateComparison)
  .action(async ({ input, user }) => {
    const prisma = await db();
    return createComparison({ prisma, storage: await storageTarget(prisma), user, input });
  });
