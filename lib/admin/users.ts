import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { createAccount } from "@/lib/auth/accounts";
import { ROLES } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { flag } from "./fields";

const email = z.email("Enter an email address like name@example.com.").trim().toLowerCase();
const name = z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters.");
const role = z.enum(ROLES, { message: "Pick a role." });

export const CreateUser = z.object({
  name,
  email,
  role,
  password: z.string().min(8, "At least 8 characters.").max(128, "At most 128 characters."),
});
export type CreateUser = z.infer<typeof CreateUser>;
export const InviteUser = z.object({ name, email, role });
export type InviteUser = z.infer<typeof InviteUser>;
export const ChangeRole = z.object({ userId: z.string().min(1), role });
export type ChangeRole = z.infer<typeof ChangeRole>;
export const SetDisabled = z.object({ userId: z.string().min(1), disabled: flag });
export type SetDisabled = z.infer<typeof SetDisabled>;

/** How long an invitation link works. */
export const INVITE_HOURS = 72;

export type UserRow = { id: string; name: string; email: string; role: (typeof ROLES)[number]; disabled: boolean; createdAt: Date; hasPassword: boolean };

export async function listUsers(): Promise<UserRow[]> {
  const rows = await (await db()).user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, role: true, disabled: true, createdAt: true, accounts: { where: { providerId: "credential" }, select: { password: true } } },
  });
  return rows.map(({ accounts, ...u }) => ({ ...u, hasPassword: accounts.some((a) => !!a.password) }));
}

export async function createUser({ input, actor }: { input: CreateUser; actor: SessionUser }): Promise<{ id: string }> {
  return (await db()).$transaction(async (tx) => {
    const user = await createAccount(tx, input);
    await audit({ actor, action: "user.create", targetType: "user", targetId: user.id, after: { email: user.email, name: input.name, role: input.role } }, tx);
    return { id: user.id };
  });
}

/**
 * A user without a password, and a one-time link (valid INVITE_HOURS) on which they choose one.
 * Recap sends no email: the admin passes the link on.
 */
export async function inviteUser({ input, actor }: { input: InviteUser; actor: SessionUser }): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_HOURS * 3600_000);
  return (await db()).$transaction(async (tx) => {
    const user = await createAccount(tx, input);
    // better-auth's reset-password endpoint redeems this and creates the credential account.
    await tx.verification.create({ data: { id: crypto.randomUUID(), identifier: `reset-password:${token}`, value: user.id, expiresAt } });
    await audit({ actor, action: "user.invite", targetType: "user", targetId: user.id, after: { email: user.email, name: input.name, role: input.role, expiresAt } }, tx);
    return { id: user.id, token, expiresAt };
  });
}

/**
 * The number of active admins, with their rows locked until the transaction ends. A plain count
 * lets two admins demote each other at the same moment (each sees the other still admin, under
 * READ COMMITTED): with the rows locked, the second waits, then re-reads the first's change.
 * Locked in id order so two such transactions never deadlock.
 */
async function lockActiveAdmins(tx: Pick<Awaited<ReturnType<typeof db>>, "$queryRaw">): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "user" WHERE role = 'admin' AND disabled = false ORDER BY id FOR UPDATE`;
  return rows.length;
}

export async function changeRole({ input, actor }: { input: ChangeRole; actor: SessionUser }): Promise<void> {
  await (await db()).$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true, disabled: true } });
    if (!before) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (before.role === input.role) return;
    if (before.role === "admin" && !before.disabled && (await lockActiveAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last admin. Make someone else admin first.", "role");
    }
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
    await audit({ actor, action: "user.change-role", targetType: "user", targetId: before.id, before: { email: before.email, role: before.role }, after: { email: before.email, role: input.role } }, tx);
  });
}

/** Disabling ends every session of the user at once (currentUser also treats them as signed out). */
export async function setDisabled({ input, actor }: { input: SetDisabled; actor: SessionUser }): Promise<void> {
  await (await db()).$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true, disabled: true } });
    if (!before) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (before.disabled === input.disabled) return;
    if (input.disabled && before.id === actor.id) throw new AppError("CONFLICT", "You cannot disable yourself.");
    if (input.disabled && before.role === "admin" && (await lockActiveAdmins(tx)) <= 1) throw new AppError("CONFLICT", "This is the last admin; it cannot be disabled.");
    await tx.user.update({ where: { id: input.userId }, data: { disabled: input.disabled } });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: input.userId } });
    await audit({ actor, action: input.disabled ? "user.disable" : "user.enable", targetType: "user", targetId: before.id, before: { email: before.email, disabled: before.disabled }, after: { email: before.email, disabled: input.disabled } }, tx);
  });
}
