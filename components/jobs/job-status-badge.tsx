import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = {
  Pending: "slate", Submitted: "blue", Validating: "blue", Scheduled: "blue", InProgress: "violet",
  Completed: "green", PartiallyCompleted: "amber", Failed: "red", Stopping: "amber", Stopped: "slate", Expired: "red",
};

/** Bedrock's status words, spaced for reading ("InProgress" -> "In progress"). */
export function statusLabel(status: string): string {
  if (status === "Pending") return "Queued";
  const spaced = status.replace(/([a-z])([A-Z])/g, "$1 $2");
  return spaced.charAt(0) + spaced.slice(1).toLowerCase();
}

export function JobStatusBadge({ status, stopRequested }: { status: string; stopRequested?: boolean }) {
  const stopping = stopRequested && !["Stopping", "Stopped", "Completed", "PartiallyCompleted", "Failed", "Expired"].includes(status);
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge tone={TONES[status] ?? "slate"}>{statusLabel(status)}</Badge>
      {stopping && <Badge tone="amber">Stop requested</Badge>}
    </span>
  );
}
