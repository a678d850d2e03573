import Link from "next/link";

/** The bell in the header: unread count, and the latest few notifications (text only). */
export function NotificationBell({ unread, latest }: { unread: number; latest: { id: string; title: string; href: string | null; readAt: Date | null }[] }) {
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <details className="relative">
      <summary aria-label={label} className="flex cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500">
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor"><path d="M10 2a6 6 0 0 0-6 6v3.6l-1.7 2.6A1 1 0 0 0 3.1 16h13.8a1 1 0 0 0 .8-1.8L16 11.6V8a6 6 0 0 0-6-6Zm0 18a3 3 0 0 0 2.8-2H7.2A3 3 0 0 0 10 20Z" /></svg>
        {unread > 0 && <span data-testid="unread-count" className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white">{unread}</span>}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        {latest.length === 0 ? (
          <p className="px-2 py-3 text-sm text-slate-600">Nothing yet. You are told here when your batches end.</p>
        ) : (
          <ul className="space-y-1">
            {latest.map((n) => (
              <li key={n.id}>
                <Link href={n.href ?? "/notifications"} className={`block rounded px-2 py-1.5 text-sm hover:bg-slate-50 ${n.readAt ? "text-slate-600" : "font-medium text-slate-900"}`}>{n.title}</Link>
              </li>
            ))}
          </ul>
        )}
        <Link href="/notifications" className="mt-1 block rounded px-2 py-1.5 text-sm text-brand-700 hover:bg-slate-50">All notifications</Link>
      </div>
    </details>
  );
}
