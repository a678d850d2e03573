import Link from "next/link";

/** Previous/next links that keep the other query parameters; pages are 1-based. */
export function Pagination({ page, pageCount, total, basePath, params, noun = "rows" }: { page: number; pageCount: number; total: number; basePath: string; params: Record<string, string | undefined>; noun?: string }) {
  if (total === 0) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-4 text-sm text-slate-600">
      <span>
        Page {page} of {Math.max(1, pageCount)} · {total.toLocaleString("en-US")} {noun}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">Previous</Link> : <span className={off} aria-disabled="true">Previous</span>}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">Next</Link> : <span className={off} aria-disabled="true">Next</span>}
      </span>
    </nav>
  );
}
