"use server";
import { action } from "@/lib/action";
import * as storage from "@/lib/admin/storage";

export const saveStorage = action({ permission: "storage.manage" })
  .schema(storage.SaveStorage)
  .action(({ input, user }) => storage.saveStorage({ input, actor: user }));
