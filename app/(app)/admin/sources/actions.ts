"use server";
import { action } from "@/lib/action";
import * as sources from "@/lib/sources/admin";

export const createSource = action({ role: "admin" })
  .schema(sources.SaveSource)
  .action(({ input, user }) => sources.createSource({ input, actor: user }));

export const deleteSource = action({ role: "admin" })
  .schema(sources.SourceId)
  .action(({ input, user }) => sources.deleteSource({ input, actor: user }));

export const scanSourceNow = action({ role: "admin" })
  .schema(sources.SourceId)
  .action(({ input, user }) => sources.scanSourceNow({ input, actor: user }));
