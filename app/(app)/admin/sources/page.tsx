import { EmptyState, Section } from "@/components/admin/section";
import { SourceForm } from "@/components/sources/source-form";
import { SourceList } from "@/components/sources/source-list";
import { page } from "@/lib/auth/page";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { SOURCE_FORMATS } from "@/lib/sources/formats";
import { listSources, sourceChoices } from "@/lib/sources/admin";
import { createSource, deleteSource, scanSourceNow } from "./actions";

export const metadata = { title: "Watched S3 sources" };

export default page({ role: "admin" }, async () => {
  const [sources, choices, storage] = await Promise.all([
    listSources(), sourceChoices(), (await db()).storageSetting.findUnique({ where: { id: "default" }, select: { bucket: true } }),
  ]);
  const rows = sources.map((s) => ({
    id: s.id, name: s.name, location: `s3://${s.bucket}/${s.prefix}`, format: SOURCE_FORMATS[s.format as keyof typeof SOURCE_FORMATS]?.label ?? s.format,
    lastScanAt: s.lastScanAt?.toISOString() ?? null, waiting: s.waiting, batches: s.batches, objects: s.objects,
    waitingNote: s.waitingNote, lastError: s.lastError, lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
    failed: s.failed.map((f) => ({ key: f.key, error: f.error ?? "" })),
    recent: s.recent.map((b) => ({ id: b.id, name: b.name, records: b.recordCount, at: b.createdAt.toISOString() })),
    scanIntervalSec: s.scanIntervalSec, maxWaitSec: s.maxWaitSec,
  }));
  return (
    <div className="space-y-6">
      <Section
        title="Watched S3 sources"
        description="Recap lists each prefix on its schedule, reads every new or rewritten object once (by key and ETag), and submits a batch when the model's job minimum has gathered. Files it cannot read are listed with the reason."
      >
        {rows.length === 0 ? <EmptyState>No sources yet. Register a bucket and prefix below; files that land there are summarized without anyone uploading them.</EmptyState> : <SourceList sources={rows} remove={deleteSource} scan={scanSourceNow} />}
      </Section>
      <Section title="Register a source">
        {choices.models.length === 0 || choices.templates.length === 0 ? (
          <EmptyState>Enable a model and create a prompt template first.</EmptyState>
        ) : (
          <SourceForm run={createSource} choices={choices} formats={Object.entries(SOURCE_FORMATS).map(([value, f]) => ({ value, label: f.label }))} defaultBucket={storage?.bucket ?? config().bucket} />
        )}
      </Section>
    </div>
  );
});
