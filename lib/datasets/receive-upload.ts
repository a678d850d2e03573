import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { AppError } from "@/lib/errors";

export type ReceivedFile = { path: string; sizeBytes: number; sha256: string; cleanup: () => Promise<void> };

/**
 * Stream a request body to a temporary file, hashing as it goes, never holding it in memory.
 * Refuses more than `maxBytes` as soon as it is exceeded, and checks the client's size and
 * checksum so a truncated or corrupted upload is never ingested.
 */
export async function receiveUpload(opts: {
  body: ReadableStream<Uint8Array>;
  dir: string;
  maxBytes: number;
  expectedSize?: number;
  expectedSha256?: string;
}): Promise<ReceivedFile> {
  if (opts.expectedSize !== undefined && opts.expectedSize > opts.maxBytes) {
    throw new AppError("QUOTA", `The file is ${mb(opts.expectedSize)}; uploads are limited to ${mb(opts.maxBytes)}. Split it into smaller files.`);
  }
  await fs.mkdir(opts.dir, { recursive: true });
  const file = path.join(opts.dir, `upload-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const cleanup = () => fs.rm(file, { force: true });
  const out = createWriteStream(file);
  const hash = createHash("sha256");
  let size = 0;
  try {
    const reader = opts.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (opts.expectedSize !== undefined && size > opts.expectedSize) {
        await reader.cancel();
        throw new AppError("VALIDATION", `The upload is larger than announced: more than the ${opts.expectedSize} bytes its X-Recap-Size header gave. Try again.`);
      }
      if (size > opts.maxBytes) {
        await reader.cancel();
        throw new AppError("QUOTA", `The upload is larger than the limit of ${mb(opts.maxBytes)}. Split it into smaller files.`);
      }
      hash.update(value);
      if (!out.write(value)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  } catch (e) {
    out.destroy();
    await cleanup();
    throw e;
  }
  const sha256 = hash.digest("hex");
  if (opts.expectedSize !== undefined && opts.expectedSize !== size) {
    await cleanup();
    throw new AppError("VALIDATION", `The upload arrived incomplete: ${size} of ${opts.expectedSize} bytes. Try again.`);
  }
  if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== sha256) {
    await cleanup();
    throw new AppError("VALIDATION", "The upload arrived corrupted (its SHA-256 checksum does not match). Try again.");
  }
  if (size === 0) {
    await cleanup();
    throw new AppError("VALIDATION", "The file is empty. Choose a file with at least one transcript.");
  }
  return { path: file, sizeBytes: size, sha256, cleanup };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
