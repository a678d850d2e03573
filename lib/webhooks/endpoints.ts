import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { WEBHOOK_EVENTS } from "./events";
import { newWebhookSecret } from "./sign";
import { checkWebhookUrl } from "./ssrf";

const events = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? v.split(",") : []),
  z.array(z.enum(WEBHOOK_EVENTS, { message: "Pick events from the list." })).min(1, "Pick at least one event."),
);

export const SaveWebhook = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  url: z.string().trim().min(1, "Enter the endpoint's URL.").max(2000, "At most 2,000 characters."),
  events,
});
export type SaveWebhook = z.infer<typeof SaveWebhook>;
export const WebhookId = z.object({ id: z.string().min(1) });
export type WebhookId = z.infer<typeof WebhookId>;

/** Register an endpoint; the secret is returned once and never shown again. */
export async function createWebhook({ input, actor }: { input: SaveWebhook; actor: SessionUser }): Promise<{ id: string; secret: string }> {
  const url = checkWebhookUrl(input.url, { allowLocal: config().webhooksAllowLocal });
  const secret = newWebhookSecret();
  const prisma = await db();
  const row = await prisma.webhookEndpoint.create({ data: { name: input.name, url: url.toString(), events: input.events, secret } });
  await audit({ actor, action: "webhook.create", targetType: "webhook", targetId: row.id, after: { name: row.name, url: row.url, events: row.events } });
  return { id: row.id, secret };
}

export async function deleteWebhook({ input, actor }: { input: WebhookId; actor: SessionUser }): Promise<void> {
  const prisma = await db();
  const before = await prisma.webhookEndpoint.findUnique({ where: { id: input.id }, select: { id: true, name: true, url: true, events: true } });
  if (!before) throw new AppError("NOT_FOUND", "That webhook does not exist.");
  await prisma.webhookEndpoint.delete({ where: { id: input.id } });
  await audit({ actor, action: "webhook.delete", targetType: "webhook", targetId: input.id, before });
}

/** Endpoints (never their secrets) with their latest deliveries and answers, for the admin page. */
export async function listWebhooks() {
  const prisma = await db();
  return prisma.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true, name: true, url: true, events: true, enabled: true, createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" }, take: 20,
        select: { id: true, event: true, status: true, attempts: true, lastStatus: true, lastResponse: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
      },
    },
  });
}
