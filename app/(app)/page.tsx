import Link from "next/link";
import { StatusPanel } from "@/components/system/status-panel";
import { page } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { systemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

// Endpoints, bucket and database are for admins: the status panel is not fetched for anyone else.
export default page({ role: "supervisor" }, async ({ user }) => {
  const statuses = hasRole(user.role, "admin") ? await systemStatus() : null;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Recap</h1>
        <p className="mt-1 text-slate-600">
          Upload call transcripts, summarize them with Amazon Bedrock batch inference, and read the results.
        </p>
      </div>
      {statuses && <StatusPanel statuses={statuses} />}
      <div className="grid gap-4 sm:grid-cols-3">
        <Card href="/uploads/new" title="Upload transcripts" text="CSV, text, JSON, JSONL or Amazon Transcribe output." />
        <Card href="/jobs" title="Track jobs" text="Batch jobs, their status and progress." />
        <Card href="/summaries" title="Browse summaries" text="Search every summary and its transcript." />
      </div>
    </div>
  );
});

function Card({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <Link href={href} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500">
      <h2 className="font-medium">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{text}</p>
    </Link>
  );
}
