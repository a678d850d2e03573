"use server";
import { action } from "@/lib/action";
import * as templates from "@/lib/admin/templates";

export const createTemplate = action({ permission: "templates.manage" })
  .schema(templates.CreateTemplate)
  .action(({ input, user }) => templates.createTemplate({ input, actor: user }));

export const reviseTemplate = action({ permission: "templates.manage" })
  .schema(templates.ReviseTemplate)
  .action(({ input, user }) => templates.reviseTemplate({ input, actor: user }));
