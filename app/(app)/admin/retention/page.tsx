import { RetentionForm } from "@/components/admin/retention-form";
import { Section } from "@/components/admin/section";
import { formatDateTime } from "@/components/ui/format";
import { page } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { getRetention } from "@/lib/retention/sweep";
import { saveRetention } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Retention" };

export default page({ role: "admin" }, async () => {
  const { keepDays, lastRunAt } = await getRetention(await db());
  return (
    <Section
      title="Retention"
      description={
        <>
          How long transcripts and results are kept. Once a day one server instance deletes every dataset older than this, with its batches, results and every file of theirs in S3
          (a dataset whose jobs still run waits for the next day). {lastRunAt ? `Last sweep: ${formatDateTime(lastRunAt.toISOString())}.` : "No sweep has run yet."}
        </>
      }
    >
      <RetentionForm keepDays={keepDays} run={saveRetention} />
    </Section>
  );
});
