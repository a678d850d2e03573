"use server";
import { action } from "@/lib/action";
import * as roles from "@/lib/admin/service-roles";

export const saveServiceRole = action({ permission: "serviceRoles.manage" })
  .schema(roles.SaveServiceRole)
  .action(({ input, user }) => roles.saveServiceRole({ input, actor: user }));

export const deleteServiceRole = action({ permission: "serviceRoles.manage" })
  .schema(roles.ServiceRoleId)
  .action(({ input, user }) => roles.deleteServiceRole({ input, actor: user }));

export const checkServiceRole = action({ permission: "serviceRoles.manage" })
  .schema(roles.ServiceRoleId)
  .action(async ({ input, user }) => {
    const r = await roles.checkServiceRole({ input, actor: user });
    return { ok: r.ok, message: r.message, at: r.at.toISOString() };
  });
