// Call metadata as first-class fields: agent, team (queue), call start, duration, direction,
// language and customer id, taken from the columns a CSV maps (chosen at upload, else guessed by
// header name) or from what Transcribe, Call Analytics, Contact Lens and PCA files carry. What is
// not mapped stays free metadata, shown on the call page.

export const CALL_FIELDS = ["agent", "team", "callStart", "duration", "direction", "language", "customerId"] as const;
export type CallField = (typeof CALL_FIELDS)[number];
export type CallFieldColumns = Partial<Record<CallField, string>>;
export type CallFields = {
  agent: string | null; team: string | null; callStartAt: Date | null; durationSec: number | null;
  direction: string | null; language: string | null; customerId: string | null;
};

export const CALL_FIELD_LABELS: Record<CallField, string> = {
  agent: "Agent", team: "Team or queue", callStart: "Call start time", duration: "Duration", direction: "Direction", language: "Language", customerId: "Customer id",
};

const NAMES: Record<CallField, string[]> = {
  agent: ["agent", "agentname", "agentid", "rep", "representative", "repname", "advisor", "operator", "employee", "username", "agentusername"],
  team: ["team", "queue", "queuename", "teamname", "group", "skill", "skillgroup", "department", "routingprofile", "lob"],
  callStart: ["callstart", "callstarttime", "starttime", "start", "calldate", "calltime", "startedat", "timestamp", "date", "datetime", "initiationtimestamp", "conversationtime", "createdat"],
  duration: ["duration", "durationsec", "durationseconds", "callduration", "handletime", "aht", "talktime", "length", "calllength", "durationms", "durationmillis"],
  direction: ["direction", "calldirection", "inboundoutbound", "calltype", "initiationmethod"],
  language: ["language", "languagecode", "lang", "locale"],
  customerId: ["customerid", "customer", "accountid", "accountnumber", "clientid", "callerid", "customernumber"],
};

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** For each field, the first column named like it (case and punctuation ignored); never the id or text column. */
export function guessCallFieldColumns(columns: string[], taken: Array<string | undefined> = []): CallFieldColumns {
  const out: CallFieldColumns = {};
  const used = new Set(taken.filter(Boolean));
  for (const field of CALL_FIELDS) {
    for (const want of NAMES[field]) {
      const col = columns.find((c) => norm(c) === want && !used.has(c));
      if (col) {
        out[field] = col;
        used.add(col);
        break;
      }
    }
  }
  return out;
}

/** Seconds from "312", "312.5", "00:05:12", "5:12", "312s", "5m 12s"; a column named *ms / *millis is in milliseconds. */
export function parseDurationSec(value: unknown, column = ""): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(/ms$|millis/i.test(column) ? value / 1000 : value) : null;
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return parseDurationSec(Number(v), column);
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$/.exec(v);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const units = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$/i.exec(v);
  if (units && (units[1] || units[2] || units[3])) return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  return null;
}

/** A call time from an ISO date-time, "2026-11-02 10:15[:30]" (read as UTC), or epoch seconds / milliseconds. */
export function parseCallStart(value: unknown): Date | null {
  if (typeof value === "number" || (typeof value === "string" && /^\d{10}(\d{3})?$/.test(value.trim()))) {
    const n = Number(value);
    const d = new Date(n < 1e12 ? n * 1000 : n);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const v = value.trim().replace(" ", "T");
  const d = new Date(/T.*([zZ]|[+-]\d{2}:?\d{2})$/.test(v) || !v.includes("T") ? v : `${v}Z`);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100 ? null : d;
}

const text = (v: unknown, max = 200): string | null => {
  if (typeof v !== "string" && typeof v !== "number") return null;
  const s = String(v).trim();
  return s ? s.slice(0, max) : null;
};

/**
 * Split a transcript's metadata into the call fields and the rest. `columns` names the metadata
 * keys (CSV columns) for each field; keys the producers use (Transcribe, Contact Lens, PCA) are
 * read when no column is named for the field.
 */
export function splitCallMetadata(metadata: Record<string, unknown> | undefined, columns: CallFieldColumns = {}): { fields: CallFields; rest: Record<string, unknown> | undefined } {
  const rest: Record<string, unknown> = { ...metadata };
  const take = (field: CallField, ...fallbacks: string[]): { value: unknown; key?: string } => {
    for (const key of [columns[field], ...fallbacks]) {
      if (key && rest[key] !== undefined && rest[key] !== "") {
        const value = rest[key];
        delete rest[key];
        return { value, key };
      }
    }
    return { value: undefined };
  };
  const duration = take("duration", "durationSec", "duration");
  const fields: CallFields = {
    agent: text(take("agent", "agent").value),
    team: text(take("team").value),
    callStartAt: parseCallStart(take("callStart", "conversationTime", "callStartTime").value),
    durationSec: parseDurationSec(duration.value, duration.key),
    direction: text(take("direction").value, 40),
    language: text(take("language", "LanguageCode").value, 20),
    customerId: text(take("customerId").value),
  };
  return { fields, rest: Object.keys(rest).length ? rest : undefined };
}
