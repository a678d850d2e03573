"use server";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { RetentionInput, setRetention } from "@/lib/retention/sweep";

export const saveRetention = action({ permission: "retention.manage" })
  .schema(RetentionInput)
  .action(async ({ input, user }) => setRetention({ prisma: await db(), actor: user, input }));
