"use client";
// Hashes the chosen file once and asks the server whether the caller uploaded it before, so the
// page can say "you uploaded this on <date> as <name>" (and the upload reuses the hash).
import { useEffect, useState } from "react";
import type { EarlierUpload } from "@/lib/datasets/queries";
import { sha256Hex } from "./upload-request";

export type SameFile = { file: File; sha256: string; earlier: EarlierUpload | null };
/** The page's findSameUpload server action. */
export type FindSameUpload = (input: { sha256: string }) => Promise<{ ok: true; data: EarlierUpload | null } | { ok: false }>;

/** The SHA-256 of a single chosen file and the caller's earlier dataset with it, once known. */
export function useSameFile(file: File | undefined, findSameUpload: FindSameUpload): SameFile | null {
  const [state, setState] = useState<SameFile | null>(null);
  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    (async () => {
      const sha256 = await sha256Hex(file);
      if (cancelled) return;
      const answer = await findSameUpload({ sha256 }).catch(() => null);
      if (!cancelled) setState({ file, sha256, earlier: answer?.ok ? answer.data : null });
    })();
    return () => {
      cancelled = true;
    };
  }, [file, findSameUpload]);
  return state && state.file === file ? state : null;
}
