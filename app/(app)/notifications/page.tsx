import Link from "next/link";
import { EmptyState } from "@/components/admin/section";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { formatDateTime } from "@/components/ui/format";
import { page } from "@/lib/auth/page";
import { notificationsFor } from "@/lib/webhooks/notifications";
import { markNotificationsRead } from "./actions";

export const metadata = { title: "Notifications" };

export default page({ role: "supervisor" }, async ({ user }) => {
  const { unread, latest } = await notificationsFor(user, 100);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
          <p className="mt-1 text-slate-600">{unread ? `${unread} unread.` : "All read."} Recap tells you here when your batches end.</p>
        </div>
        {unread > 0 && <MarkReadButton run={markNotificationsRead} />}
      </div>
      {latest.length === 0 ? (
        <EmptyState>Nothing yet. When a batch you submitted ends, it shows up here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label="Notifications">
          {latest.map((n) => (
            <li key={n.id} className="px-4 py-3">
              <p className="text-sm font-medium text-slate-900">
                {!n.readAt && <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-600" aria-label="unread" />}
                {n.href ? <Link href={n.href} className="hover:underline">{n.title}</Link> : n.title}
              </p>
              {n.body && <p className="text-sm text-slate-600">{n.body}</p>}
              <p className="text-xs text-slate-500">{formatDateTime(n.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
