import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { db } from "@/lib/db";

/** The signed-in user's latest notifications and how many are unread (/notifications). */
export async function notificationsFor(user: Pick<SessionUser, "id">, take = 5) {
  const prisma = await db();
  const [unread, latest] = await Promise.all([
    prisma.notification.count({ where: { userId: user.id, readAt: null } }),
    prisma.notification.findMany({
      where: { userId: user.id }, orderBy: { createdAt: "desc" }, take,
      select: { id: true, title: true, body: true, href: true, readAt: true, createdAt: true, event: true },
    }),
  ]);
  return { unread, latest };
}

/** How many of the user's notifications are unread (the bell's count). */
export async function unreadNotifications(user: Pick<SessionUser, "id">): Promise<number> {
  return (await db()).notification.count({ where: { userId: user.id, readAt: null } });
}

export const MarkRead = z.object({ id: z.string().optional().transform((v) => v || undefined) });
export type MarkRead = z.infer<typeof MarkRead>;

/** Mark one notification (or, without an id, all of them) read; only the user's own. */
export async function markRead({ input, user }: { input: MarkRead; user: Pick<SessionUser, "id"> }): Promise<{ marked: number }> {
  const r = await (await db()).notification.updateMany({
    where: { userId: user.id, readAt: null, ...(input.id ? { id: input.id } : {}) }, data: { readAt: new Date() },
  });
  return { marked: r.count };
}
