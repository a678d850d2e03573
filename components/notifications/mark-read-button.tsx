"use client";
import { Button } from "@/components/ui/button";
import { useActionButton, type Action } from "@/components/admin/use-action-form";

export function MarkReadButton({ run }: { run: Action<{ marked: number }> }) {
  const b = useActionButton(run);
  return (
    <div>
      <Button variant="secondary" onClick={() => b.trigger({})} disabled={b.pending}>{b.pending ? "Marking…" : "Mark all read"}</Button>
      {b.error && <p role="alert" className="mt-1 text-sm text-red-700">{b.error}</p>}
    </div>
  );
}
