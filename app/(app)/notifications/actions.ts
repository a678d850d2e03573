"use server";
import { action } from "@/lib/action";
import * as notifications from "@/lib/webhooks/notifications";

export const markNotificationsRead = action({ role: "supervisor" })
  .schema(notifications.MarkRead)
  .action(({ input, user }) => notifications.markRead({ input, user }));
