import "server-only";
// Deleting what belongs to a dataset, batch or call: whole prefixes, and lines inside shared files.
import { CopyObjectCommand, DeleteObjectsCommand } from "@aws-sdk/client-s3";
import { listObjects, openObjectWriter, readObject, type Target } from "./objects";
import { splitAllLines } from "@/lib/transcripts/lines";

/** Delete every object under a prefix (1,000 keys a request); returns how many were deleted. */
export async function deletePrefix(opts: Target & { prefix: string }): Promise<number> {
  // A prefix must name a folder: never "" (the whole bucket) or a bare name that also matches siblings.
  if (!opts.prefix.endsWith("/") || opts.prefix.length < 2) throw new Error(`refusing to delete under prefix "${opts.prefix}"`);
  let deleted = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const out = await opts.client.send(new DeleteObjectsCommand({ Bucket: opts.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    if (out.Errors?.length) throw new Error(`S3 did not delete ${out.Errors.length} objects under ${opts.prefix}: ${out.Errors[0].Code} ${out.Errors[0].Message ?? ""}`);
    deleted += batch.length;
    batch = [];
  };
  for await (const o of listObjects(opts)) {
    batch.push(o.key);
    if (batch.length === 1000) await flush();
  }
  await flush();
  return deleted;
}

/**
 * Rewrite an object without the lines `drop` picks, streamed: written to a side key, copied over
 * the original, the side key removed. Returns how many lines were dropped (0: the object is untouched).
 */
export async function dropLines(opts: Target & { key: string; drop: (line: string) => boolean; kmsKeyId?: string }): Promise<number> {
  const side = `${opts.key}.rewrite`;
  const out = openObjectWriter({ ...opts, key: side });
  let dropped = 0;
  try {
    for await (const { text: line } of splitAllLines(utf8(await readObject(opts)))) {
      if (opts.drop(line)) dropped++;
      else await out.write(line + "\n");
    }
  } catch (e) {
    await out.abort();
    throw e;
  }
  if (dropped === 0) {
    await out.abort();
    return 0;
  }
  await out.close();
  await opts.client.send(new CopyObjectCommand({
    Bucket: opts.bucket, Key: opts.key, CopySource: `${opts.bucket}/${encodeURI(side)}`,
    ...(opts.kmsKeyId ? { ServerSideEncryption: "aws:kms", SSEKMSKeyId: opts.kmsKeyId } : {}),
  }));
  await opts.client.send(new DeleteObjectsCommand({ Bucket: opts.bucket, Delete: { Objects: [{ Key: side }], Quiet: true } }));
  return dropped;
}

async function* utf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}
