"use client";
// Delete with a confirmation step; the action answers where to go next (the thing is gone).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";

type Props = {
  /** "dataset", "batch", "call" */
  what: string;
  /** what goes with it, said before the user confirms */
  consequence: string;
  input: Record<string, string>;
  run: (input: unknown) => Promise<ActionResult<{ next: string }>>;
};

export function DeleteButton({ what, consequence, input, run }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (!confirming) {
    return <Button variant="danger" onClick={() => setConfirming(true)}>Delete {what}</Button>;
  }
  return (
    <div role="group" aria-label={`Confirm deleting the ${what}`} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <p className="text-red-900">Delete this {what}? {consequence} This cannot be undone.</p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={pending || done}
          onClick={() =>
            start(async () => {
              setError(null);
              const out = await run(input);
              if (out.ok) {
                setDone(true);
                router.push(out.data.next);
              } else setError(out.error.message);
            })
          }
        >
          {pending || done ? "Deleting…" : `Yes, delete the ${what}`}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending || done}>Keep it</Button>
      </div>
      {error && <p role="alert" className="text-red-800">{error}</p>}
    </div>
  );
}
