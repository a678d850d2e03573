"use server";
import { action } from "@/lib/action";
import * as models from "@/lib/admin/models";

export const addModel = action({ permission: "models.manage" })
  .schema(models.AddModel)
  .action(({ input, user }) => models.addModel({ input, actor: user }));

export const updateModel = action({ permission: "models.manage" })
  .schema(models.UpdateModel)
  .action(({ input, user }) => models.updateModel({ input, actor: user }));

export const setModelEnabled = action({ permission: "models.manage" })
  .schema(models.SetModelEnabled)
  .action(({ input, user }) => models.setModelEnabled({ input, actor: user }));
