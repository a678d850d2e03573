import { StatusPanel } from "@/components/system/status-panel";
import { systemStatus } from "@/lib/system/status";

/**
 * The system status, for admins' home only: endpoints, bucket and database are not for everyone.
 * Rendered inside a Suspense boundary so a slow probe (up to 5 s) does not hold the rest of the page.
 */
export async function AdminStatus() {
  return <StatusPanel statuses={await systemStatus()} />;
}

export function AdminStatusPending() {
  return (
    <section aria-label="System status" aria-busy="true" className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600 shadow-sm">
      Asking the database, the object store and the batch engine…
    </section>
  );
}
