import "server-only";
import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/lib/db";
import { parseTranscripts, type Problem } from "@/lib/transcripts";
import { MAX_INPUT_TOKENS } from "@/lib/datasets/ingest";
import { readObject } from "@/lib/storage";
import { SOURCE_FORMATS, isSourceFormat, keyMatches } from "./formats";

export type ListedVersion = { key: string; etag: string; size: number };

/** Every object under the source's prefix with its ETag (the SDK's listObjects leaves the ETag out). */
export async function* listVersions(client: S3Client, bucket: string, prefix: string): AsyncGenerator<ListedVersion> {
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
    for (const o of page.Contents ?? []) {
      if (o.Key && o.ETag) yield { key: o.Key, etag: o.ETag.replace(/"/g, ""), size: o.Size ?? 0 };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

type SourceRow = { id: string; bucket: string; prefix: string; format: string };

/**
 * Record every listed object not seen before under (key, ETag). A re-listed object matches its
 * row and is skipped; a rewritten one has a new ETag, so it is a new row and is read again.
 */
export async function discoverObjects(prisma: Db, client: S3Client, source: SourceRow): Promise<number> {
  if (!isSourceFormat(source.format)) throw new Error(`unknown source format "${source.format}"`);
  const format = source.format;
  let found: ListedVersion[] = [];
  let added = 0;
  const flush = async () => {
    if (!found.length) return;
    const r = await prisma.sourceObject.createMany({
      data: found.map((o) => ({ sourceId: source.id, key: o.key, etag: o.etag, size: BigInt(o.size) })),
      skipDuplicates: true,
    });
    added += r.count;
    found = [];
  };
  for await (const o of listVersions(client, source.bucket, source.prefix)) {
    if (!keyMatches(format, o.key)) continue;
    found.push(o);
    if (found.length >= 500) await flush();
  }
  await flush();
  return added;
}

export type ObjectOutcome = { key: string; calls: number; error?: string };

/**
 * Read one pending object into SourceCall rows. The calls and the object's "ingested" mark are
 * written in one transaction, so a crash leaves it pending and the next scan reads it again
 * (the calls are keyed by object and call id, so nothing is stored twice). A file with no usable
 * call is marked failed with the reason, and never retried until it is rewritten.
 */
export async function ingestObject(prisma: Db, client: S3Client, source: SourceRow, object: { id: string; key: string }): Promise<ObjectOutcome> {
  const format = isSourceFormat(source.format) ? SOURCE_FORMATS[source.format].parse : "json";
  const fileName = object.key.slice(object.key.lastIndexOf("/") + 1);
  const calls: { callId: string; text: string; metadata?: object }[] = [];
  const problems: Problem[] = [];
  let readError: string | undefined;
  try {
    const body = await readObject({ client, bucket: source.bucket, key: object.key });
    for await (const r of parseTranscripts(body, { format, fileName, redact: true, maxInputTokens: MAX_INPUT_TOKENS })) {
      if (r.ok) calls.push({ callId: r.value.callId, text: r.value.text, metadata: r.value.metadata as object | undefined });
      else problems.push(r.error);
    }
  } catch (e) {
    readError = `could not read s3://${source.bucket}/${object.key}: ${(e as Error).message}`;
  }
  if (readError) throw new Error(readError);
  if (calls.length === 0) {
    const first = problems[0];
    const error = `${object.key}: no usable transcript${first ? ` (${first.line ? `line ${first.line}: ` : ""}${first.message})` : ""}`;
    await prisma.sourceObject.update({ where: { id: object.id }, data: { status: "failed", error, callCount: 0 } });
    return { key: object.key, calls: 0, error };
  }
  const note = problems.length ? `${problems.length} row(s) skipped; first: ${problems[0].message}` : null;
  await prisma.$transaction([
    prisma.sourceCall.createMany({
      data: calls.map((c) => ({ sourceId: source.id, objectId: object.id, callId: c.callId, text: c.text, metadata: c.metadata })),
      skipDuplicates: true,
    }),
    prisma.sourceObject.update({ where: { id: object.id }, data: { status: "ingested", error: note, callCount: calls.length } }),
  ]);
  return { key: object.key, calls: calls.length, error: note ?? undefined };
}
