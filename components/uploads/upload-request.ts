// Sends one file to POST /api/uploads as the raw body with XMLHttpRequest (fetch has no upload
// progress), with its size and, when it is small enough to hash in memory, its SHA-256.
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

/** crypto.subtle hashes a whole buffer at once, so only files up to this size are hashed. */
export const HASH_LIMIT_BYTES = 50 * 1024 * 1024;

export async function sha256Hex(blob: Blob): Promise<string | undefined> {
  // crypto.subtle exists only in secure contexts (https, localhost).
  if (blob.size > HASH_LIMIT_BYTES || typeof crypto === "undefined" || !crypto.subtle) return undefined;
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export type UploadParams = { fileName: string; name?: string; idColumn?: string; textColumn?: string };

/** Starts the upload; `abort` cancels it (the promise then rejects with code ABORTED). */
export function sendUpload(body: Blob, params: UploadParams, sha256: string | undefined, onProgress: (p: UploadProgress) => void) {
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
  if (sha256) xhr.setRequestHeader("X-Recap-Sha256", sha256);
  xhr.send(body);
  return { done, abort: () => xhr.abort() };
}
