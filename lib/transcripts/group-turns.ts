// "One row per turn" CSVs (conversation_id, turn, speaker, text) -> one record per call, streamed.
// Rows of one call are almost always together, so a call is the run of contiguous rows sharing its
// id: only that run is held, never the file. A call id that comes back after other calls is
// reported once per stray run (with what to do) instead of being buffered until the end; the ids
// of finished calls are kept (one string per call, as the validator keeps them anyway).
import { turnsToText } from "./parse-text";
import { canonicalRole } from "./roles";
import { problem, type ParseResult, type Turn } from "./types";

/** A call with more rows than this is almost surely a wrong id column; its extra rows are refused. */
export const MAX_TURNS_PER_CALL = 5000;

export type TurnRow = { callId: string; line: number; text: string; speaker?: string; turn?: string; metadata?: Record<string, string> };

type Run = { callId: string; firstLine: number; lastLine: number; rows: TurnRow[]; stray?: { earlierEnd: number }; overflow: number };

const byTurn = (a: TurnRow, b: TurnRow) => {
  const x = Number(a.turn);
  const y = Number(b.turn);
  // Numbers sort as numbers (2 before 10); anything else keeps file order (the sort is stable).
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : 0;
};

/** Groups contiguous rows by call id; push() and end() return finished calls and problems. */
export class TurnGrouper {
  private run: Run | undefined;
  private readonly finished = new Map<string, number>(); // call id -> last line of its run
  constructor(private readonly file?: string) {}

  push(row: TurnRow): ParseResult[] {
    if (this.run && this.run.callId === row.callId) {
      this.run.lastLine = row.line;
      if (this.run.stray) return [];
      if (this.run.rows.length >= MAX_TURNS_PER_CALL) this.run.overflow++;
      else this.run.rows.push(row);
      return [];
    }
    const out = this.end();
    const earlierEnd = this.finished.get(row.callId);
    this.run = { callId: row.callId, firstLine: row.line, lastLine: row.line, rows: earlierEnd === undefined ? [row] : [], overflow: 0 };
    if (earlierEnd !== undefined) this.run.stray = { earlierEnd };
    return out;
  }

  end(): ParseResult[] {
    const run = this.run;
    this.run = undefined;
    if (!run) return [];
    const { file } = this;
    const lines = run.firstLine === run.lastLine ? `Line ${run.firstLine}` : `Lines ${run.firstLine}-${run.lastLine}`;
    if (run.stray) {
      return [problem({
        line: run.firstLine, file, field: "callId", code: "SPLIT_CALL",
        message: `${lines}: call "${run.callId}" comes back after other calls (its earlier rows end at line ${run.stray.earlierEnd}); these rows were not added to it. Keep each call's rows together: sort the file by call id, then turn.`,
      })];
    }
    this.finished.set(run.callId, run.lastLine);
    const out: ParseResult[] = [];
    if (run.overflow) {
      out.push(problem({
        line: run.firstLine, file, field: "callId", code: "BAD_ROW",
        message: `${lines}: call "${run.callId}" has ${run.rows.length + run.overflow} rows, more than ${MAX_TURNS_PER_CALL} turns; the first ${MAX_TURNS_PER_CALL} were kept. Check that the call id column is right.`,
      }));
    }
    const turns: Turn[] = [...run.rows].sort(byTurn).filter((r) => r.text.trim()).map((r) => ({ speaker: canonicalRole(r.speaker ?? ""), text: r.text.trim() }));
    const metadata: Record<string, unknown> = { ...run.rows[0]?.metadata, source: "csv-turns", turnCount: turns.length };
    out.unshift({ ok: true, value: { callId: run.callId, text: turnsToText(turns), turns, metadata, line: run.firstLine, file } });
    return out;
  }
}

/**
 * True when the first rows look like turns: call ids repeat on the next row, in at least a fifth
 * of the pairs (one stray duplicate in a file of one row per call is a duplicate, not a turn).
 */
export function idsRepeat(ids: string[]): boolean {
  const repeats = ids.filter((id, k) => k > 0 && id !== "" && id === ids[k - 1]).length;
  return repeats > 0 && repeats >= Math.ceil((ids.length - 1) * 0.2);
}

/**
 * When most rows were refused as duplicate call ids, the file is almost surely one row per turn
 * read as one row per call: a silent loss of most of the file. The message says what to choose.
 */
export function mostlyDuplicates(counts: { accepted: number; duplicates: number }): string | undefined {
  if (counts.duplicates <= counts.accepted) return undefined;
  const total = counts.accepted + counts.duplicates;
  return `${counts.duplicates} of ${total} rows repeat an earlier call id, so only ${counts.accepted} would be kept. This looks like one row per turn: choose "One row per turn: group by call id, order by turn" (or pick the right call id column).`;
}
