"use server";
import { z } from "zod";
import { fail, ok, refuseNul, type ActionResult } from "@/lib/action";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { PASSWORD_RULE } from "@/lib/auth/accounts";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const Setup = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter an email address like name@example.com.").trim().toLowerCase(),
  password: z.string().min(PASSWORD_RULE.min, `At least ${PASSWORD_RULE.min} characters.`).max(PASSWORD_RULE.max),
});

/**
 * The one action anyone may call without a session: it only works while no user exists, and the
 * check and the insert share one lock (lib/auth/first-admin.ts), so it cannot make a second admin.
 */
export async function completeSetup(input: unknown): Promise<ActionResult<{ email: string }>> {
  const refused = refuseNul(input);
  if (refused) return refused;
  const parsed = Setup.safeParse(input);
  if (!parsed.success) return fail(parsed.error);
  try {
    const user = await createFirstAdmin(await db(), parsed.data, "setup-page");
    return ok({ email: user.email });
  } catch (e) {
    if (e instanceof AppError) return fail(e);
    throw e;
  }
}
