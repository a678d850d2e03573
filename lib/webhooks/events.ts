import "server-only";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/errors";

export const WEBHOOK_EVENTS = [
  "batch.completed", "batch.partially_completed", "batch.failed", "batch.stopped",
  "job.completed", "job.partially_completed", "job.failed", "job.stopped",
  "source.error",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export type AppEvent = {
  /** the event's own key: announcing the same key twice (another instance, a rerun) does nothing */
  key: string;
  event: WebhookEvent;
  data: Record<string, unknown>;
  /** the in-app notification, for the user it concerns */
  notify?: { userId: string; title: string; body?: string; href?: string };
};

/**
 * Announce an event once: its key goes into EventLog, and in the same transaction one delivery
 * per subscribed endpoint and the user's notification are queued. Returns false when it was
 * announced before.
 */
export async function emitEvent(prisma: Db, e: AppEvent): Promise<boolean> {
  const endpoints = await prisma.webhookEndpoint.findMany({ where: { enabled: true, events: { has: e.event } }, select: { id: true } });
  const body = JSON.stringify({ id: e.key, event: e.event, createdAt: new Date().toISOString(), data: e.data });
  try {
    await prisma.$transaction([
      prisma.eventLog.create({ data: { key: e.key, event: e.event } }),
      prisma.webhookDelivery.createMany({ data: endpoints.map((ep) => ({ endpointId: ep.id, eventKey: e.key, event: e.event, body })) }),
      ...(e.notify ? [prisma.notification.create({ data: { ...e.notify, eventKey: e.key, event: e.event } })] : []),
    ]);
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}
