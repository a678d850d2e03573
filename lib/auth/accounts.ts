import "server-only";
import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "./roles";

export const PASSWORD_RULE = { min: 8, max: 128 } as const;

export type NewAccount = { email: string; name: string; role: Role; password?: string };

/**
 * A user row and, with a password, the credential account better-auth signs in against
 * (better-auth's open sign-up is off: admins and the setup page create people here).
 */
export async function createAccount(tx: Prisma.TransactionClient, input: NewAccount): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  const id = crypto.randomUUID();
  try {
    await tx.user.create({ data: { id, email, name: input.name.trim(), role: input.role, emailVerified: false } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `A user with the email ${email} already exists.`, "email");
    throw e;
  }
  if (input.password !== undefined) await setPassword(tx, id, input.password);
  return { id, email };
}

/** Sets (or replaces) a user's password, hashed as better-auth hashes it. */
export async function setPassword(tx: Prisma.TransactionClient, userId: string, password: string): Promise<void> {
  if (password.length < PASSWORD_RULE.min || password.length > PASSWORD_RULE.max) {
    throw new AppError("VALIDATION", `The password must be ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters.`, "password");
  }
  const hash = await hashPassword(password);
  const existing = await tx.account.findFirst({ where: { userId, providerId: "credential" }, select: { id: true } });
  if (existing) await tx.account.update({ where: { id: existing.id }, data: { password: hash } });
  else await tx.account.create({ data: { id: crypto.randomUUID(), accountId: userId, providerId: "credential", userId, password: hash } });
}
