import { Badge, type Tone } from "@/components/ui/badge";

const TONES: Record<string, Tone> = { positive: "green", neutral: "slate", negative: "red", mixed: "amber" };

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  if (!sentiment) return <span className="text-xs text-slate-400">—</span>;
  return <Badge tone={TONES[sentiment] ?? "slate"}>{sentiment}</Badge>;
}
