import Link from "next/link";

/**
 * Previous / next by cursor (no page numbers: keyset pages), and the total, capped until asked;
 * a null total was not counted in time (the exact count is a link away).
 */
export function KeysetPagination({ previousHref, nextHref, total, capped, exactHref, noun }: { previousHref: string | null; nextHref: string | null; total: number | null; capped: boolean; exactHref: string; noun: string }) {
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-4 text-sm text-slate-600">
      <span>
        {total === null ? (
          <>Too many {noun} to count quickly · <Link href={exactHref} className="text-brand-700 hover:underline">count all</Link></>
        ) : capped ? (
          <>{total.toLocaleString("en-US")}+ {noun} · <Link href={exactHref} className="text-brand-700 hover:underline">count all</Link></>
        ) : (
          <>{total.toLocaleString("en-US")} {noun}</>
        )}
      </span>
      <span className="flex gap-2">
        {previousHref ? <Link className={link} href={previousHref} rel="prev">Previous</Link> : <span className={off} aria-disabled="true">Previous</span>}
        {nextHref ? <Link className={link} href={nextHref} rel="next">Next</Link> : <span className={off} aria-disabled="true">Next</span>}
      </span>
    </nav>
  );
}
