import { Suspense } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { AdminStatus, AdminStatusPending } from "@/components/home/admin-status";
import { CostChart } from "@/components/home/cost-chart";
import { BatchesInProgress, JobsInFlight } from "@/components/home/in-progress";
import { LatestResults } from "@/components/home/latest-results";
import { PeriodCalls, RisingTopics } from "@/components/home/period-overview";
import { SentimentTrend } from "@/components/home/sentiment-trend";
import { page } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/guards";
import { costThisMonth } from "@/lib/home/cost";
import { PERIOD_DAYS, periodOverview } from "@/lib/home/insights";
import { batchesInProgress, jobsInFlight } from "@/lib/home/jobs";
import { latestResults } from "@/lib/home/results";

export const dynamic = "force-dynamic";

// One home per role: supervisors their own work, managers the center's, admins that and the system
// status (fetched for admins only: endpoints, bucket and database are not for everyone).
export default page({ role: "supervisor" }, async ({ user }) => {
  const header = (
    <PageHeader
      title="Recap"
      description={hasRole(user.role, "manager") ? "The center at a glance: calls, jobs and cost." : "Your batches and their latest results."}
      actions={<ButtonLink href="/uploads/new">Upload transcripts</ButtonLink>}
    />
  );
  return (
    <div className="space-y-6">
      {header}
      {hasRole(user.role, "admin") && (
        <Suspense fallback={<AdminStatusPending />}>
          <AdminStatus />
        </Suspense>
      )}
      {hasRole(user.role, "manager") ? await managerHome(user) : await supervisorHome(user)}
    </div>
  );
});

async function managerHome(user: SessionUser) {
  const [overview, jobs, batches, cost] = await Promise.all([periodOverview({ user }), jobsInFlight({ user }), batchesInProgress({ user }), costThisMonth({ user })]);
  const period = `The last ${PERIOD_DAYS} days by call date (${overview.period.from} to ${overview.period.to}), against the ${PERIOD_DAYS} before.`;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="This period's calls" description={period}>
        <PeriodCalls overview={overview} />
      </Card>
      <Card title="Rising topics" description="Topics with the most new calls against the period before.">
        <RisingTopics overview={overview} />
      </Card>
      <Card title="Sentiment trend" description="Calls per day by customer sentiment, this period.">
        <SentimentTrend days={overview.trend} />
      </Card>
      <Card title="Cost this month against last" description="At the models' batch prices.">
        <CostChart cost={cost} />
      </Card>
      <Card title="Jobs in flight" description="Every user's jobs that are queued, running or being read in.">
        <JobsInFlight initial={{ jobs, batches }} />
      </Card>
    </div>
  );
}

async function supervisorHome(user: SessionUser) {
  const [jobs, batches, latest] = await Promise.all([jobsInFlight({ user }), batchesInProgress({ user }), latestResults({ user })]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Your batches in progress">
        <BatchesInProgress initial={{ jobs, batches }} />
      </Card>
      <Card title="Your latest results" actions={<ButtonLink href="/summaries" variant="secondary">All summaries</ButtonLink>}>
        <LatestResults jobs={latest} />
      </Card>
    </div>
  );
}
