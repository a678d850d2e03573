"use client";
import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/action";
import { jobKeys } from "@/lib/jobs/query-options";
import { Button } from "@/components/ui/button";

/** Asks for the job to stop (after a confirmation); the tracker stops it on Bedrock: Stopping, then Stopped. */
export function StopButton({ jobId, stop }: { jobId: string; stop: (input: unknown) => Promise<ActionResult<void>> }) {
  const client = useQueryClient();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Stop job
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm stopping the job" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">Stop this job? Records already processed are kept.</span>
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const out = await stop({ jobId });
            if (!out.ok) setError(out.error.message);
            else setConfirming(false);
            await client.invalidateQueries({ queryKey: jobKeys.detail(jobId), exact: true });
          })
        }
      >
        {pending ? "Stopping…" : "Yes, stop it"}
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
        Keep running
      </Button>
      {error && <p role="alert" className="w-full text-red-700">{error}</p>}
    </div>
  );
}
