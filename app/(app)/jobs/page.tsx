import { Card, PageHeader } from "@/components/ui/card";
import { ButtonLink, Button } from "@/components/ui/button";
import { JobsCharts } from "@/components/jobs/jobs-charts";
import { JobsTable } from "@/components/jobs/jobs-table";
import { statusLabel } from "@/components/jobs/job-status-badge";
import { page } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { jobStats, listJobs } from "@/lib/jobs/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Jobs" };

const STATUSES = ["Pending", "Submitted", "Validating", "Scheduled", "InProgress", "Completed", "PartiallyCompleted", "Failed", "Stopping", "Stopped", "Expired"];

export default page<Record<string, string>, { status?: string; page?: string }>({ role: "supervisor" }, async ({ user, searchParams: sp }) => {
  const status = STATUSES.includes(sp.status ?? "") ? sp.status : undefined;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const [jobs, stats] = await Promise.all([listJobs({ user, status, page }), jobStats({ user })]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Jobs"
        description={hasRole(user.role, "manager") ? "Every Bedrock batch job, from every user." : "Your Bedrock batch jobs."}
        actions={<ButtonLink href="/uploads/new">Upload transcripts</ButtonLink>}
      />
      {stats.byStatus.length > 0 && (
        <Card title="Overview">
          <JobsCharts initial={stats} />
        </Card>
      )}
      <Card
        title="All jobs"
        actions={
          <form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="status-filter" className="block text-xs font-medium text-slate-600">Status</label>
              <select id="status-filter" name="status" defaultValue={status ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">Any status</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>{statusLabel(s)}</option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary" className="py-1.5">Filter</Button>
          </form>
        }
      >
        <JobsTable key={`${status ?? ""}:${jobs.page}`} initial={jobs} />
      </Card>
    </div>
  );
});
