import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { InsightFilter } from "@/lib/insights/filters";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";
const label = "block text-sm font-medium text-slate-700";
const SENTIMENTS = ["positive", "neutral", "negative", "mixed"];

/** The search and filters, as a GET form: the URL holds them, so a view can be linked, paged and drilled into. */
export function SummaryFilters({ filter, models, agents, teams, topics, bucket }: {
  filter: InsightFilter; models: { id: string; name: string }[]; agents: string[]; teams: string[]; topics: string[]; bucket: "day" | "week";
}) {
  const text = (name: "agent" | "team" | "topic", title: string, list: string[]) => (
    <div>
      <label htmlFor={name} className={label}>{title}</label>
      <input id={name} name={name} list={`${name}-choices`} defaultValue={filter[name] ?? ""} maxLength={200} className={control} autoComplete="off" />
      <datalist id={`${name}-choices`}>{list.map((v) => <option key={v} value={v} />)}</datalist>
    </div>
  );
  return (
    <form method="get" role="search" aria-label="Search summaries" className="grid gap-4 md:grid-cols-4 lg:grid-cols-6 md:items-end">
      <div className="md:col-span-2">
        <label htmlFor="q" className={label}>Search</label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} placeholder='refund router, "late fee", -cancel' className={control} />
      </div>
      {text("agent", "Agent", agents)}
      {text("team", "Team", teams)}
      {text("topic", "Topic", topics)}
      <div>
        <label htmlFor="sentiment" className={label}>Sentiment</label>
        <select id="sentiment" name="sentiment" defaultValue={filter.sentiment ?? ""} className={control}>
          <option value="">Any</option>
          {SENTIMENTS.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="model" className={label}>Model</label>
        <select id="model" name="model" defaultValue={filter.modelConfigId ?? ""} className={control}>
          <option value="">Any</option>
          {models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="from" className={label}>Calls from</label>
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="to" className={label}>Calls to</label>
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={control} />
      </div>
      <div>
        <label htmlFor="bucket" className={label}>Chart by</label>
        <select id="bucket" name="bucket" defaultValue={bucket} className={control}>
          <option value="day">day</option>
          <option value="week">week</option>
        </select>
      </div>
      <div className="flex gap-2">
        <Button type="submit">Search</Button>
        <Link href="/summaries" className="self-center text-sm text-slate-600 hover:underline">Clear</Link>
      </div>
    </form>
  );
}
