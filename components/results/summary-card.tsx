import type { SummaryFields } from "@/lib/results/parse-summary";
import { SentimentBadge } from "./sentiment-badge";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

/** The model's structured summary; plain text (shown as such) when it did not answer the JSON asked for. */
export function SummaryCard({ fields, summary, sentiment }: { fields: SummaryFields | null; summary: string | null; sentiment: string | null }) {
  if (!fields) {
    return (
      <div className="space-y-2">
        <p className="text-xs text-slate-500">The model answered in plain text rather than the fields the template asks for; it is shown as written.</p>
        <p className="whitespace-pre-wrap text-sm text-slate-800">{summary || "The model returned no text."}</p>
      </div>
    );
  }
  return (
    <dl className="space-y-4">
      <Field label="Summary"><span className="whitespace-pre-wrap">{fields.summary || summary || "—"}</span></Field>
      <Field label="Reason for call">{fields.reason_for_call || none}</Field>
      <Field label="Resolution">{fields.resolution || none}</Field>
      <Field label="Customer sentiment"><SentimentBadge sentiment={fields.customer_sentiment ?? sentiment} /></Field>
      <Field label="Action items">
        {fields.action_items.length ? (
          <ul className="list-disc space-y-1 pl-5">{fields.action_items.map((a, i) => <li key={i}>{a}</li>)}</ul>
        ) : (
          none
        )}
      </Field>
      <Field label="Topics">
        {fields.topics.length ? (
          <ul className="flex flex-wrap gap-1.5">{fields.topics.map((t, i) => <li key={i} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t}</li>)}</ul>
        ) : (
          none
        )}
      </Field>
    </dl>
  );
}
