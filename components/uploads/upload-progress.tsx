"use client";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { formatBytes } from "@/components/ui/format";
import type { UploadAnswer, UploadProgress } from "./upload-request";

export type UploadState =
  | { phase: "idle" }
  | { phase: "preparing"; hashed?: number; total?: number }
  | { phase: "sending"; progress: UploadProgress }
  | { phase: "done"; answer: UploadAnswer }
  | { phase: "error"; error: string };

/** Bytes sent of total, percent and speed; then the server's own processing, then the outcome. */
export function UploadProgressView({ state, onCancel }: { state: UploadState; onCancel: () => void }) {
  if (state.phase === "idle") return null;
  if (state.phase === "error") {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.error}
      </p>
    );
  }
  if (state.phase === "preparing") {
    return (
      <Progress
        label="Computing the file's checksum"
        value={state.hashed}
        max={state.total}
        detail={state.total ? `${formatBytes(state.hashed ?? 0)} of ${formatBytes(state.total)}` : undefined}
      />
    );
  }
  if (state.phase === "done") {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        Uploaded: {state.answer.accepted.toLocaleString("en-US")} transcripts accepted
        {state.answer.problemCount > 0 && `, ${state.answer.problemCount.toLocaleString("en-US")} rows skipped`}. Opening the dataset…
      </p>
    );
  }
  const { loaded, total, bytesPerSecond } = state.progress;
  const sent = loaded >= total;
  const pct = total ? Math.floor((loaded / total) * 100) : 0;
  return (
    <div className="space-y-2" aria-live="polite">
      {sent ? (
        <Progress label="Checking and storing the transcripts on the server" />
      ) : (
        <Progress
          label="Uploading"
          value={loaded}
          max={total}
          detail={`${formatBytes(loaded)} of ${formatBytes(total)} · ${pct}% · ${(bytesPerSecond / 1e6).toFixed(1)} MB/s`}
        />
      )}
      {!sent && (
        <Button variant="secondary" onClick={onCancel}>
          Cancel upload
        </Button>
      )}
    </div>
  );
}
