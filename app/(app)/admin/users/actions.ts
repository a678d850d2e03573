"use server";
import { action } from "@/lib/action";
import * as users from "@/lib/admin/users";
import { config } from "@/lib/config";

export const createUser = action({ permission: "users.manage" })
  .schema(users.CreateUser)
  .action(({ input, user }) => users.createUser({ input, actor: user }));

export const inviteUser = action({ permission: "users.manage" })
  .schema(users.InviteUser)
  .action(async ({ input, user }) => {
    const { id, token, expiresAt } = await users.inviteUser({ input, actor: user });
    return { id, link: `${config().publicUrl}/set-password?token=${token}`, expiresAt: expiresAt.toISOString() };
  });

export const changeRole = action({ permission: "users.manage" })
  .schema(users.ChangeRole)
  .action(({ input, user }) => users.changeRole({ input, actor: user }));

export const setUserDisabled = action({ permission: "users.manage" })
  .schema(users.SetDisabled)
  .action(({ input, user }) => users.setDisabled({ input, actor: user }));
