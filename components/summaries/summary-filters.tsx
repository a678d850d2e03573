import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { SummarySearch } from "@/lib/results/queries";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";
const SENTIMENTS = ["positive", "neutral", "negative", "mixed"];

/** The search and filters, as a GET form: the URL holds the query, so results can be linked and paged. */
export function SummaryFilters({ search, models }: { search: SummarySearch; models: { id: string; name: string }[] }) {
  return (
    <form method="get" role="search" aria-label="Search summaries" className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] md:items-end">
      <div>
        <label htmlFor="q" className="block text-sm font-medium text-slate-700">Search</label>
        <input id="q" name="q" type="search" defaultValue={search.q ?? ""} maxLength={200} placeholder='refund router, "late fee", -cancel' className={control} />
      </div>
      <div>
        <label htmlFor="sentiment" className="block text-sm font-medium text-slate-700">Sentiment</label>
        <select id="sentiment" name="sentiment" defaultValue={search.sentiment ?? ""} className={control}>
          <option value="">Any</option>
          {SENTIMENTS.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="model" className="block text-sm font-medium text-slate-700">Model</label>
        <select id="model" name="model" defaultValue={search.modelConfigId ?? ""} className={control}>
          <option value="">Any</option>
          {models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="from" className="block text-sm font-medium text-slate-700">From</label>
        <input id="from" name="from" type="date" defaultValue={search.from ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="to" className="block text-sm font-medium text-slate-700">To</label>
        <input id="to" name="to" type="date" defaultValue={search.to ?? ""} className={control} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Search</Button>
        <Link href="/summaries" className="self-center text-sm text-slate-600 hover:underline">Clear</Link>
      </div>
    </form>
  );
}
