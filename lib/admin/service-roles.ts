import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, conflictOnDuplicate } from "@/lib/errors";
import { flag } from "./fields";
import { probeServiceRole, ROLE_ARN } from "./role-probe";

const roleArn = z.string().trim().max(2048).regex(ROLE_ARN, "Enter an IAM role ARN like arn:aws:iam::123456789012:role/RecapBedrockBatch.");
const name = z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters.");

export const SaveServiceRole = z.object({ id: z.string().optional().transform((v) => v || undefined), name, roleArn, isDefault: flag });
export type SaveServiceRole = z.infer<typeof SaveServiceRole>;
export const ServiceRoleId = z.object({ id: z.string().min(1) });
export type ServiceRoleId = z.infer<typeof ServiceRoleId>;

export async function listServiceRoles() {
  return (await db()).serviceRole.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], include: { _count: { select: { batches: true } } } });
}

/** Create (no id) or update a role; the default one is used for new batches, so there is at most one. */
export async function saveServiceRole({ input, actor }: { input: SaveServiceRole; actor: SessionUser }): Promise<{ id: string }> {
  return (await db()).$transaction(async (tx) => {
    const before = input.id ? await tx.serviceRole.findUnique({ where: { id: input.id } }) : null;
    if (input.id && !before) throw new AppError("NOT_FOUND", "That service role does not exist.");
    if (input.isDefault) await tx.serviceRole.updateMany({ where: { isDefault: true, NOT: { id: input.id ?? "" } }, data: { isDefault: false } });
    const data = { name: input.name, roleArn: input.roleArn, isDefault: input.isDefault };
    // A new ARN has not been checked yet.
    const reset = before && before.roleArn !== input.roleArn ? { lastCheckAt: null, lastCheckOk: null, lastCheckMessage: null } : {};
    const after = await conflictOnDuplicate(
      () => (input.id ? tx.serviceRole.update({ where: { id: input.id }, data: { ...data, ...reset } }) : tx.serviceRole.create({ data })),
      `A service role named "${input.name}" already exists.`,
      "name",
    );
    await audit({ actor, action: before ? "service-role.update" : "service-role.create", targetType: "service-role", targetId: after.id, before, after }, tx);
    return { id: after.id };
  });
}

export async function deleteServiceRole({ input, actor }: { input: ServiceRoleId; actor: SessionUser }): Promise<void> {
  await (await db()).$transaction(async (tx) => {
    const before = await tx.serviceRole.findUnique({ where: { id: input.id }, include: { _count: { select: { batches: true } } } });
    if (!before) throw new AppError("NOT_FOUND", "That service role does not exist.");
    if (before._count.batches > 0) throw new AppError("CONFLICT", "Batches used this role; it stays so their history does. Add a new role and make it the default instead.");
    await tx.serviceRole.delete({ where: { id: input.id } });
    const { _count, ...snapshot } = before;
    void _count;
    await audit({ actor, action: "service-role.delete", targetType: "service-role", targetId: input.id, before: snapshot }, tx);
  });
}

export type RoleCheck = { ok: boolean; message: string; at: Date };

/** Asks the batch engine whether it accepts the role for a job, and keeps the answer on the row. */
export async function checkServiceRole({ input, actor }: { input: ServiceRoleId; actor: SessionUser }): Promise<RoleCheck> {
  const prisma = await db();
  const role = await prisma.serviceRole.findUnique({ where: { id: input.id } });
  if (!role) throw new AppError("NOT_FOUND", "That service role does not exist.");
  const result = await probeServiceRole(role.roleArn);
  const at = new Date();
  await prisma.serviceRole.update({ where: { id: role.id }, data: { lastCheckAt: at, lastCheckOk: result.ok, lastCheckMessage: result.message } });
  await audit({ actor, action: "service-role.check", targetType: "service-role", targetId: role.id, after: { roleArn: role.roleArn, ...result } });
  return { ...result, at };
}
