// S3 access for jobs: list inputs, stream them line by line, upload finished files once.
import fs from "node:fs";
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

export type S3Options = { endpoint?: string; region?: string; credentials?: { accessKeyId: string; secretAccessKey: string } };

export function createS3(opts: S3Options, fallbackRegion: string): S3Client {
  return new S3Client({
    region: opts.region ?? fallbackRegion,
    endpoint: opts.endpoint,
    forcePathStyle: Boolean(opts.endpoint),
    // s3rver's default key pair; any other store needs real credentials passed in.
    credentials: opts.credentials ?? (opts.endpoint ? { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } : undefined),
    // s3rver 3.7 stores aws-chunked framing bytes as the object when the SDK streams with a
    // trailing checksum; WHEN_REQUIRED keeps bodies byte-for-byte on every store.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export const S3_URI = /^s3:\/\/[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9](\/.*)?$/;

export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new Error(`not an S3 URI: ${uri}`);
  return { bucket: m[1]!, key: m[2]! };
}

export async function objectSize(s3: S3Client, bucket: string, key: string): Promise<number | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (err) {
    if (s3ErrorName(err) === "NotFound" || s3ErrorName(err) === "NoSuchKey") return undefined;
    throw err;
  }
}

export async function listObjects(s3: S3Client, bucket: string, prefix: string): Promise<{ key: string; size: number }[]> {
  const out: { key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0 });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export async function bucketExists(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (err) {
    const name = s3ErrorName(err);
    if (name === "NotFound" || name === "NoSuchBucket") return false;
    throw err;
  }
}

export class LineTooLongError extends Error {}

/** Lines of an object, decoded one at a time; a line longer than `maxLineBytes` throws. */
export async function* readObjectLines(s3: S3Client, bucket: string, key: string, maxLineBytes: number, signal?: AbortSignal): AsyncGenerator<string> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  yield* splitLines(res.Body as AsyncIterable<Uint8Array>, maxLineBytes);
}

export async function* splitLines(body: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    let nl: number;
    while ((nl = buf.indexOf(10, start)) !== -1) {
      const piece = buf.subarray(start, nl);
      const line = pendingLength > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingLength = 0;
      if (line.length > maxLineBytes) throw new LineTooLongError(`longer than ${maxLineBytes} bytes`);
      yield decodeLine(line);
      start = nl + 1;
    }
    if (start < buf.length) {
      pending.push(buf.subarray(start));
      pendingLength += buf.length - start;
      if (pendingLength > maxLineBytes) throw new LineTooLongError(`longer than ${maxLineBytes} bytes`);
    }
  }
  if (pendingLength > 0) yield decodeLine(Buffer.concat(pending));
}

function decodeLine(buf: Buffer): string {
  const end = buf.length > 0 && buf[buf.length - 1] === 13 ? buf.length - 1 : buf.length;
  return buf.toString("utf8", 0, end);
}

/** One upload of a finished local file (S3 has no append; s3rver has no ListParts to resume). */
export async function uploadFile(s3: S3Client, bucket: string, key: string, file: string): Promise<void> {
  const upload = new Upload({
    client: s3,
    params: { Bucket: bucket, Key: key, Body: fs.createReadStream(file), ContentType: "application/jsonl" },
    queueSize: 2,
    partSize: 8 * 1024 * 1024,
  });
  await upload.done();
}

export async function putText(s3: S3Client, bucket: string, key: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "application/json" }));
}

export function s3ErrorName(err: unknown): string {
  return (err as { name?: string })?.name ?? "Error";
}
