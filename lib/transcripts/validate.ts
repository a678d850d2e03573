// Checks every raw record before it is accepted. Stateful (duplicate ids across the whole
// dataset, even across files), so one validator serves one upload. Also where parsed values are
// made safe to store: line endings LF only (a JSON "\r\n" escape survives decoding), and no NUL,
// which PostgreSQL refuses in text and jsonb alike.
import { REPLACEMENT_CHAR } from "./decode";
import { turnsToText } from "./parse-text";
import { redactPii } from "./redact";
import { estimateTokens } from "./tokens";
import { problem, type ParseResult, type Problem, type RawRecord } from "./types";

export type ValidateOptions = {
  /** Reject transcripts estimated above this many input tokens. */
  maxInputTokens?: number;
  /** Replace emails, phones, cards, SSNs, IBANs with placeholders (on unless false). */
  redact?: boolean;
};

// "calls.csv, line 3"; the file is left out when it is the one already named.
function at(r: { line: number; file?: string }, sameFileAs?: string): string {
  return `${r.file && r.file !== sameFileAs ? `${r.file}, ` : ""}line ${r.line}`;
}

/** Validates (and redacts) records of one dataset; call check() once per record, in order. */
export class TranscriptValidator {
  private readonly seen = new Map<string, { line: number; file?: string }>();
  accepted = 0;
  rejected = 0;

  constructor(private readonly opts: ValidateOptions = {}) {}

  /** Tells whether the decoder met invalid bytes; records holding U+FFFD are then rejected. */
  invalidBytes = false;

  check(raw: RawRecord): ParseResult {
    const record = withLf(raw);
    const p = this.problemOf(record);
    if (p) {
      this.rejected++;
      return problem(p);
    }
    this.seen.set(record.callId, { line: record.line, file: record.file });
    this.accepted++;
    if (this.opts.redact === false) return { ok: true, value: record };
    if (!record.turns) return { ok: true, value: { ...record, text: redactPii(record.text) } };
    // The text is usually the turns joined: redact each turn once and join them again, rather than
    // redacting the same words twice (the text, then every turn).
    const turns = record.turns.map((t) => ({ speaker: t.speaker, text: redactPii(t.text) }));
    const text = record.text === turnsToText(record.turns) ? turnsToText(turns) : redactPii(record.text);
    return { ok: true, value: { ...record, text, turns } };
  }

  private problemOf(r: RawRecord): Problem | undefined {
    const base = { line: r.line, file: r.file };
    const nul = nulField(r);
    if (nul) {
      return {
        ...base, field: nul, code: "BAD_ENCODING",
        message: `${at(r)}: the ${nul === "callId" ? "call id" : nul === "text" ? "transcript" : "metadata"} contains NUL (0x00) characters, which cannot be stored. If the file is UTF-16, save it with a BOM or as UTF-8; otherwise remove the NULs and upload it again.`,
      };
    }
    if (this.invalidBytes && (r.text.includes(REPLACEMENT_CHAR) || r.callId.includes(REPLACEMENT_CHAR))) {
      return {
        ...base, field: "text", code: "BAD_ENCODING",
        message: `${at(r)}: the text has bytes that are not valid UTF-8. Save the file as UTF-8 (or UTF-16 with a BOM) and upload it again.`,
      };
    }
    if (!r.callId) {
      return { ...base, field: "callId", code: "MISSING_CALL_ID", message: `${at(r)}: the call id is empty. Give every call an id.` };
    }
    if (!r.text.trim()) {
      return { ...base, field: "text", code: "EMPTY_TRANSCRIPT", message: `${at(r)}: call "${r.callId}" has an empty transcript. Remove the row or fill in its transcript.` };
    }
    const first = this.seen.get(r.callId);
    if (first) {
      return {
        ...base, field: "callId", code: "DUPLICATE_CALL_ID",
        message: `${at(r)}: call id "${r.callId}" was already used at ${at(first, r.file)}; the first one is kept. Give each call a unique id or remove the copy.`,
      };
    }
    const max = this.opts.maxInputTokens;
    if (max !== undefined) {
      const tokens = estimateTokens(r.text);
      if (tokens > max) {
        return {
          ...base, field: "text", code: "TOO_LONG",
          // Recap's upload-wide cap per call, checked before any model is chosen; each model's own
          // context limit is checked when the batch is prepared (lib/jobs/estimate.ts).
          message: `${at(r)}: call "${r.callId}" is about ${tokens.toLocaleString("en-US")} tokens, above Recap's limit of ${max.toLocaleString("en-US")} tokens per call. Shorten the transcript or split the call into parts.`,
        };
      }
    }
    return undefined;
  }
}

const CR = /\r\n?/g;

function withLf(r: RawRecord): RawRecord {
  const crIn = r.text.includes("\r") || r.turns?.some((t) => t.text.includes("\r"));
  if (!crIn) return r;
  const out = { ...r, text: r.text.replace(CR, "\n") };
  if (r.turns) out.turns = r.turns.map((t) => ({ speaker: t.speaker, text: t.text.replace(CR, "\n") }));
  return out;
}

function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === "string") return v.includes("\0");
  if (!v || typeof v !== "object" || depth > 32) return false;
  if (Array.isArray(v)) return v.some((x) => hasNul(x, depth + 1));
  return Object.entries(v).some(([k, x]) => k.includes("\0") || hasNul(x, depth + 1));
}

/** The first field holding a NUL, if any (PostgreSQL refuses it in text and jsonb). */
function nulField(r: RawRecord): "callId" | "text" | "metadata" | undefined {
  if (r.callId.includes("\0")) return "callId";
  if (r.text.includes("\0") || r.turns?.some((t) => t.text.includes("\0") || t.speaker.includes("\0"))) return "text";
  if (r.metadata && hasNul(r.metadata)) return "metadata";
  return undefined;
}
