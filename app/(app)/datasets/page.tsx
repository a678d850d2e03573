import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ButtonLink } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { page } from "@/lib/auth/page";
import { listDatasets } from "@/lib/datasets/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Datasets" };

export default page({ role: "supervisor" }, async ({ user }) => {
  const datasets = await listDatasets({ user, take: 100 });
  return (
    <div className="space-y-6">
      <PageHeader title="Datasets" description="Uploaded transcript files. Open one to summarize it with a model." actions={<ButtonLink href="/uploads/new">Upload transcripts</ButtonLink>} />
      <Card>
        {datasets.length === 0 ? (
          <EmptyState href="/uploads/new" action="Upload transcripts">No datasets yet. Upload a file of call transcripts to start.</EmptyState>
        ) : (
          <Table caption="Datasets" head={<><Th>Name</Th><Th>File</Th><Th className="text-right">Transcripts</Th><Th className="text-right">Batches</Th><Th>Uploaded</Th></>}>
            {datasets.map((d) => (
              <tr key={d.id}>
                <Td>
                  <Link href={`/datasets/${d.id}`} className="font-medium text-brand-700 hover:underline">{d.name}</Link>
                </Td>
                <Td className="text-slate-600">{d.fileName}</Td>
                <Td className="text-right tabular-nums">{d.recordCount.toLocaleString("en-US")}</Td>
                <Td className="text-right tabular-nums">{d.batchCount}</Td>
                <Td className="text-slate-600">{formatDateTime(d.createdAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
});
