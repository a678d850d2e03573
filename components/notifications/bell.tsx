import Link from "next/link";

/**
 * The bell in the header: a link to /notifications with the unread count. Only the count: the
 * layout wraps every page, and what the notifications say belongs on their own page.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link href="/notifications" aria-label={label} className="flex items-center gap-1 rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500">
      <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor"><path d="M10 2a6 6 0 0 0-6 6v3.6l-1.7 2.6A1 1 0 0 0 3.1 16h13.8a1 1 0 0 0 .8-1.8L16 11.6V8a6 6 0 0 0-6-6Zm0 18a3 3 0 0 0 2.8-2H7.2A3 3 0 0 0 10 20Z" /></svg>
      {unread > 0 && <span data-testid="unread-count" className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">{unread}</span>}
    </Link>
  );
}
