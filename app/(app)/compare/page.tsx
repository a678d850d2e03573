import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { page } from "@/lib/auth/page";
import { listComparisons } from "@/lib/compare/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Comparisons" };

export default page({ role: "supervisor" }, async ({ user }) => {
  const rows = await listComparisons({ user });
  return (
    <div className="space-y-6">
      <PageHeader title="Comparisons" description="Two models or prompt templates over the same calls, side by side." />
      <Card>
        {rows.length === 0 ? (
          <EmptyState href="/datasets" action="Choose a dataset">No comparisons yet. Open a dataset and choose “Compare models”.</EmptyState>
        ) : (
          <Table caption="Comparisons" head={<><Th>Name</Th><Th>Dataset</Th><Th className="text-right">Calls</Th><Th>Arms</Th><Th>Started</Th></>}>
            {rows.map((c) => (
              <tr key={c.id}>
                <Td><Link href={`/compare/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link></Td>
                <Td className="text-slate-600">{c.datasetName}</Td>
                <Td className="text-right tabular-nums">{formatNumber(c.calls)}</Td>
                <Td className="text-slate-600">{c.arms.map((a) => <div key={a}>{a}</div>)}</Td>
                <Td className="text-slate-600">{formatDateTime(c.createdAt)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
});
