// Sends one file to POST /api/uploads as the raw body with XMLHttpRequest (fetch has no upload
// progress), with its size and its SHA-256, so the server can refuse a truncated or corrupted body.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Problem } from "@/lib/transcripts";

export type UploadAnswer = {
  datasetId: string;
  accepted: number;
  problemCount: number;
  problems: Problem[];
  notes: { format?: string; encoding?: string; columns?: { id?: string; text?: string } };
};
export type UploadProgress = { loaded: number; total: number; bytesPerSecond: number };
export type UploadError = { code: string; message: string; status: number };

/**
 * SHA-256 of a file of any size, read as a stream (crypto.subtle only hashes a whole buffer, and
 * a 200 MB file should not be held in memory); the server checks it against what arrived.
 */
export async function sha256Hex(blob: Blob, onProgress?: (hashedBytes: number) => void): Promise<string> {
  const hash = sha256.create();
  const reader = blob.stream().getReader();
  let done = 0;
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    hash.update(value);
    done += value.byteLength;
    onProgress?.(done);
  }
  return bytesToHex(hash.digest());
}

export type UploadParams = { fileName: string; name?: string; idColumn?: string; textColumn?: string; grouping?: "calls" | "turns"; swapRoles?: "1" | ""; callFields?: string } & Partial<Record<`${string}Column`, string>>;

/** Starts the upload; `abort` cancels it (the promise then rejects with code ABORTED). */
export function sendUpload(body: Blob, params: UploadParams, checksum: string, onProgress: (p: UploadProgress) => void) {
  const xhr = new XMLHttpRequest();
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const started = performance.now();
  const done = new Promise<UploadAnswer>((resolve, reject) => {
    const fail = (code: string, message: string) => reject({ code, message, status: xhr.status } satisfies UploadError);
    xhr.upload.onprogress = (e) => {
      const seconds = (performance.now() - started) / 1000;
      onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : body.size, bytesPerSecond: seconds > 0 ? e.loaded / seconds : 0 });
    };
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // fall through: a proxy's HTML error page, say
      }
      if (xhr.status === 201 && json) return resolve(json as UploadAnswer);
      const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
      if (xhr.status === 413) return fail(err?.code ?? "QUOTA", err?.message ?? "The file is larger than the upload limit. Split it into smaller files.");
      fail(err?.code ?? "HTTP", err?.message ?? `The upload failed (HTTP ${xhr.status}). Try again.`);
    };
    xhr.onerror = () => fail("NETWORK", "The connection dropped during the upload. Check the network and try again.");
    xhr.onabort = () => fail("ABORTED", "Upload cancelled.");
  });
  xhr.open("POST", `/api/uploads?${q}`);
  xhr.setRequestHeader("Content-Type", "application/octet-stream");
  xhr.setRequestHeader("X-Recap-Size", String(body.size));
  xhr.setRequestHeader("X-Recap-Sha256", checksum);
  xhr.send(body);
  return { done, abort: () => xhr.abort() };
}
