import { EmptyState, Section } from "@/components/admin/section";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { page } from "@/lib/auth/page";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { listWebhooks } from "@/lib/webhooks/endpoints";
import { createWebhook, deleteWebhook } from "./actions";

export const metadata = { title: "Webhooks" };

export default page({ role: "admin" }, async () => {
  const endpoints = (await listWebhooks()).map((e) => ({
    id: e.id, name: e.name, url: e.url, events: e.events, enabled: e.enabled,
    deliveries: e.deliveries.map((d) => ({
      id: d.id, event: d.event, status: d.status, attempts: d.attempts, lastStatus: d.lastStatus, lastResponse: d.lastResponse, lastError: d.lastError,
      at: d.createdAt.toISOString(), nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    })),
  }));
  return (
    <div className="space-y-6">
      <Section
        title="Webhooks"
        description={<>Recap POSTs JSON to each endpoint when the events it chose happen. Every delivery carries <code>X-Recap-Timestamp</code> and <code>X-Recap-Signature: sha256=HMAC(secret, timestamp + &quot;.&quot; + body)</code>; refuse timestamps older than 5 minutes. A delivery that does not get a 2xx is retried with backoff (30 s, doubling, up to 8 tries).</>}
      >
        {endpoints.length === 0 ? <EmptyState>No endpoints yet. Add one below to hear when batches end or a source cannot read a file.</EmptyState> : <WebhookList endpoints={endpoints} remove={deleteWebhook} />}
      </Section>
      <Section title="Add an endpoint">
        <WebhookForm run={createWebhook} events={[...WEBHOOK_EVENTS]} />
      </Section>
    </div>
  );
});
