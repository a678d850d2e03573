"use server";
import { action } from "@/lib/action";
import * as webhooks from "@/lib/webhooks/endpoints";

export const createWebhook = action({ role: "admin" })
  .schema(webhooks.SaveWebhook)
  .action(({ input, user }) => webhooks.createWebhook({ input, actor: user }));

export const deleteWebhook = action({ role: "admin" })
  .schema(webhooks.WebhookId)
  .action(({ input, user }) => webhooks.deleteWebhook({ input, actor: user }));
