import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState, Section } from "@/components/admin/section";
import { AuditFilter, auditActions, listAuditLog } from "@/lib/audit/query";
import { page } from "@/lib/auth/page";

export const metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

export default page<Record<string, string>, Search>({ role: "admin" }, async ({ searchParams }) => {
  const raw = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = AuditFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : AuditFilter.parse({});
  const [{ rows, total, pages }, actions] = await Promise.all([listAuditLog(filter), auditActions()]);
  const pageHref = (page: number) => `/admin/audit?${new URLSearchParams({ ...strip(filter), page: String(page) })}`;
  const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <Section title="Audit log" description="Sign-ins, uploads, submissions, stops and every configuration change: who, what, when, before and after.">
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-5" aria-label="Filter the audit log">
        <label className="text-sm font-medium text-slate-700">Action
          <select name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">Any</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">Who (email)
          <input name="actor" defaultValue={filter.actor ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-700">From
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-700">To
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
          <Link href="/admin/audit" className="px-2 py-2 text-sm text-slate-600 hover:underline">Clear</Link>
        </div>
      </form>
      {!parsed.success && <p role="alert" className="mb-3 text-sm text-red-600">Some filters were not valid and were ignored.</p>}
      {rows.length === 0 ? <EmptyState>No entries match. Clear the filters, or widen the dates.</EmptyState> : <AuditTable rows={rows} />}
      <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
        <span>{total.toLocaleString("en-US")} entr{total === 1 ? "y" : "ies"} · page {filter.page} of {pages}</span>
        <span className="flex gap-3">
          {filter.page > 1 && <Link href={pageHref(filter.page - 1)} className="text-brand-700 hover:underline">← Newer</Link>}
          {filter.page < pages && <Link href={pageHref(filter.page + 1)} className="text-brand-700 hover:underline">Older →</Link>}
        </span>
      </nav>
    </Section>
  );
});

function strip(f: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ["action", "actor", "from", "to"] as const) if (f[k]) out[k] = f[k]!;
  return out;
}
