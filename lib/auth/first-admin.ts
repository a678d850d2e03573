import "server-only";
import { audit } from "@/lib/audit/log";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createAccount } from "./accounts";

// Serialises first-admin creation across server instances (PostgreSQL) and requests (PGlite).
const SETUP_LOCK = 720_503_001;

/** Whether the one-time setup page may create the first admin: only while no user exists. */
export async function setupOpen(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/**
 * Creates the first admin, only while no user exists (the check and the insert hold one lock,
 * so two setups racing make one admin). CONFLICT once anyone exists.
 */
export async function createFirstAdmin(
  prisma: PrismaClient,
  input: { email: string; name: string; password: string },
  source: "setup-page" | "environment",
): Promise<{ id: string; email: string }> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ((await tx.user.count()) > 0) throw new AppError("CONFLICT", "Setup is finished: a user already exists. Sign in instead.");
    const user = await createAccount(tx, { ...input, role: "admin" });
    await audit(
      { actor: user, action: "user.create-first-admin", targetType: "user", targetId: user.id, after: { email: user.email, role: "admin", source } },
      tx,
    );
    return user;
  });
}

/** At start: RECAP_ADMIN_EMAIL / RECAP_ADMIN_PASSWORD become the first admin when no user exists yet. */
export async function ensureFirstAdminFromEnv(prisma: PrismaClient): Promise<void> {
  const admin = config().firstAdmin;
  if (!admin || !(await setupOpen(prisma))) return;
  try {
    await createFirstAdmin(prisma, { email: admin.email, name: "Admin", password: admin.password }, "environment");
  } catch (e) {
    if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
  }
}
