import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsd } from "@/components/ui/format";
import type { AgentRow, RisingTopic, TeamRow } from "@/lib/insights/queries";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const minutes = (s: number | null) => (s === null ? "—" : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}`);

/** Per-agent or per-team numbers; the name opens that agent's (team's) calls. */
export function GroupTable({ caption, kind, rows }: { caption: string; kind: "agent" | "team"; rows: Array<(AgentRow | TeamRow) & { href: string; name: string }> }) {
  if (!rows.length) return <p className="text-sm text-slate-600">No calls with {kind === "agent" ? "an agent" : "a team"} in this selection: map the agent and team columns when uploading.</p>;
  return (
    <Table caption={caption} head={<>
      <Th>{kind === "agent" ? "Agent" : "Team"}</Th>{kind === "agent" && <Th>Team</Th>}<Th className="text-right">Calls</Th>
      <Th className="text-right">Negative</Th><Th className="text-right">Avg handle</Th><Th className="text-right">Cost</Th><Th>Top topics</Th>
    </>}>
      {rows.map((r) => (
        <tr key={`${r.name}|${"team" in r ? r.team : ""}`}>
          <Td className="whitespace-nowrap"><Link href={r.href} className="text-brand-700 hover:underline">{r.name || `(no ${kind})`}</Link></Td>
          {kind === "agent" && <Td className="whitespace-nowrap text-slate-600">{(r as AgentRow).team || "—"}</Td>}
          <Td className="text-right tabular-nums">{r.calls.toLocaleString("en-US")}</Td>
          <Td className="text-right tabular-nums">{pct(r.negativeShare)}</Td>
          <Td className="text-right tabular-nums">{minutes(r.avgHandleSec)}</Td>
          <Td className="text-right tabular-nums">{formatUsd(r.costUsd)}</Td>
          <Td className="text-slate-600">{r.topTopics.join(", ") || "—"}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** Rising topics, this period against the one before; each opens the topic's calls in this period. */
export function RisingTopicsList({ topics, period }: { topics: Array<RisingTopic & { href: string }>; period: string }) {
  if (!topics.length) return <p className="text-sm text-slate-600">No topic grew in {period}.</p>;
  return (
    <ol aria-label={`Rising topics, ${period}`} className="space-y-1 text-sm">
      {topics.map((t) => (
        <li key={t.topic} className="flex justify-between gap-3">
          <Link href={t.href} className="text-brand-700 hover:underline">{t.topic}</Link>
          <span className="tabular-nums text-slate-600">
            {t.calls.toLocaleString("en-US")} calls, {t.previous ? `+${Math.round(t.change * 100)}%` : "new"} (was {t.previous.toLocaleString("en-US")})
          </span>
        </li>
      ))}
    </ol>
  );
}
