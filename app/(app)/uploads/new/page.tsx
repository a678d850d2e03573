import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { UploadForm } from "@/components/uploads/upload-form";
import { formatDateTime } from "@/components/ui/format";
import { page } from "@/lib/auth/page";
import { listDatasets } from "@/lib/datasets/queries";
import { findSameUpload } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Upload transcripts" };

export default page({ role: "supervisor" }, async ({ user }) => {
  const recent = await listDatasets({ user, take: 5 });
  return (
    <div className="space-y-8">
      <PageHeader
        title="Upload transcripts"
        description="Files are checked in your browser first: you see every problem by line before anything is sent. Emails, phone and card numbers are redacted before a model sees them."
      />
      <UploadForm findSameUpload={findSameUpload} />
      {recent.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="text-base font-semibold">
            Recent uploads
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {recent.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <Link href={`/datasets/${d.id}`} className="font-medium text-brand-700 hover:underline">
                  {d.name}
                </Link>
                <span className="text-slate-600">
                  {d.recordCount.toLocaleString("en-US")} transcripts · {d.batchCount} batches · {formatDateTime(d.createdAt)}
                </span>
              </li>
            ))}
          </ul>
          <Link href="/datasets" className="mt-2 inline-block text-sm text-brand-700 hover:underline">
            All datasets
          </Link>
        </section>
      )}
    </div>
  );
});
