"use client";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, truncate } from "@/components/ui/format";
import { useActionButton, type Action } from "@/components/admin/use-action-form";

type Delivery = { id: string; event: string; status: string; attempts: number; lastStatus: number | null; lastResponse: string | null; lastError: string | null; at: string; nextAttemptAt: string | null };
type Endpoint = { id: string; name: string; url: string; events: string[]; enabled: boolean; deliveries: Delivery[] };

/** Each endpoint with its recent deliveries and the answer each got. */
export function WebhookList({ endpoints, remove }: { endpoints: Endpoint[]; remove: Action<void> }) {
  return (
    <ul className="space-y-4" aria-label="Webhook endpoints">
      {endpoints.map((e) => <EndpointCard key={e.id} endpoint={e} remove={remove} />)}
    </ul>
  );
}

function EndpointCard({ endpoint: e, remove }: { endpoint: Endpoint; remove: Action<void> }) {
  const removing = useActionButton(remove);
  return (
    <li className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-medium text-slate-900">{e.name}</h3>
          <p className="text-sm text-slate-600"><code>{e.url}</code></p>
          <p className="text-xs text-slate-500">{e.events.join(", ")}</p>
        </div>
        <Button variant="danger" onClick={() => confirm(`Remove ${e.name}? Its delivery log goes too.`) && removing.trigger({ id: e.id })} disabled={removing.pending}>Remove</Button>
      </div>
      {removing.error && <p role="alert" className="mt-2 text-sm text-red-700">{removing.error}</p>}
      {e.deliveries.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No deliveries yet.</p>
      ) : (
        <div className="mt-3">
          <Table caption={`Recent deliveries to ${e.name}`} head={<><Th>When</Th><Th>Event</Th><Th>Status</Th><Th>Tries</Th><Th>Answer</Th></>}>
            {e.deliveries.map((d) => (
              <tr key={d.id}>
                <Td>{formatDateTime(d.at)}</Td>
                <Td><code>{d.event}</code></Td>
                <Td>{d.status}{d.nextAttemptAt ? `, next try ${formatDateTime(d.nextAttemptAt)}` : ""}</Td>
                <Td>{d.attempts}</Td>
                <Td className="max-w-md break-words">{d.lastStatus !== null ? `HTTP ${d.lastStatus}` : ""}{d.lastResponse ? `: ${truncate(d.lastResponse, 200)}` : ""}{d.lastError ? ` ${d.lastError}` : ""}</Td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </li>
  );
}
