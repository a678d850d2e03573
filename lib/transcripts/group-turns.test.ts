// One row per turn CSVs (issue 9 item 4): grouped by call id, ordered by turn, streamed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTranscripts, type ParseOptions } from "./parse-transcripts";
import { mostlyDuplicates } from "./group-turns";
import { sniffCsv } from "./sniff-csv";
import type { ParseNotes } from "./types";
import { chunked, collect } from "../../test/fixtures/streams";

const PER_TURN = readFileSync(new URL("../../test/fixtures/shapes/per-turn.csv", import.meta.url));

async function parse(input: Uint8Array | string, opts: ParseOptions = {}, size = 53) {
  const notes: ParseNotes = {};
  const results = await collect(parseTranscripts(chunked(input, size), { fileName: "turns.csv", ...opts, notes }));
  return { accepted: results.flatMap((r) => (r.ok ? [r.value] : [])), problems: results.flatMap((r) => (r.ok ? [] : [r.error])), notes };
}

describe("one row per turn", () => {
  it("groups 63 turns into 3 calls, ordered by turn, with roles spelled one way and no row lost", async () => {
    const { accepted, problems, notes } = await parse(PER_TURN);
    expect(problems).toEqual([]);
    expect(notes).toMatchObject({ grouping: "turns", idColumn: "conversation_id", textColumn: "text", turnColumn: "turn", speakerColumn: "speaker" });
    expect(accepted.map((c) => [c.callId, c.turns!.length, c.line])).toEqual([["conv-100", 21, 2], ["conv-101", 21, 23], ["conv-102", 21, 44]]);
    const bill = accepted[1].text.split("\n");
    expect(bill[0]).toBe("Agent: Thank you for calling, how can I help?");
    // Rows 10 and 11 are swapped in the file; the turn column puts them back.
    expect(bill[9]).toBe("Customer: My bill question, part 10, email me at {EMAIL}.");
    expect(bill[10]).toBe("Agent: Agent reply 11 about the bill.");
    expect(accepted[0].metadata).toMatchObject({ source: "csv-turns", turnCount: 21 });
  });

  it("the same CSV read as one row per call loses 60 of 63 rows, and that is called out as mostly duplicates", async () => {
    const { accepted, problems } = await parse(PER_TURN, { grouping: "calls" });
    expect(accepted).toHaveLength(3);
    const duplicates = problems.filter((p) => p.code === "DUPLICATE_CALL_ID").length;
    expect(duplicates).toBe(60);
    expect(mostlyDuplicates({ accepted: accepted.length, duplicates })).toContain("One row per turn: group by call id, order by turn");
    expect(mostlyDuplicates({ accepted: 10, duplicates: 2 })).toBeUndefined();
  });

  it("a call id that comes back after other calls is reported once per stray run, not merged", async () => {
    const csv = "call_id,speaker,text\na,agent,Hello\na,customer,Hi\nb,agent,Hello b\nb,customer,Hi b\na,agent,Late row one\na,customer,Late row two\n";
    const { accepted, problems } = await parse(csv, {}, 7);
    expect(accepted.map((c) => [c.callId, c.text])).toEqual([["a", "Agent: Hello\nCustomer: Hi"], ["b", "Agent: Hello b\nCustomer: Hi b"]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "SPLIT_CALL", line: 6 });
    expect(problems[0].message).toBe('Lines 6-7: call "a" comes back after other calls (its earlier rows end at line 3); these rows were not added to it. Keep each call\'s rows together: sort the file by call id, then turn.');
  });

  it("a CSV of one row per call with a speaker-like column stays one row per call", async () => {
    const csv = "call_id,agent,transcript\nc1,Ann,Agent: hi\nc2,Ann,Agent: hello\n";
    const { accepted, notes } = await parse(csv);
    expect(notes.grouping).toBe("calls");
    expect(accepted.map((c) => c.callId)).toEqual(["c1", "c2"]);
  });

  it("one stray duplicate id in a file of one row per call stays a duplicate, not a turn", async () => {
    const rows = Array.from({ length: 12 }, (_, k) => `c${k},${k},Agent: call ${k}`);
    rows.splice(5, 0, "c4,99,Agent: copy of call 4");
    const { accepted, problems, notes } = await parse(`call_id,order,transcript\n${rows.join("\n")}\n`);
    expect(notes.grouping).toBe("calls");
    expect(accepted).toHaveLength(12);
    expect(problems).toMatchObject([{ code: "DUPLICATE_CALL_ID", line: 7 }]);
  });

  it("grouping by turns without a call id column says to choose one", async () => {
    const { problems } = await parse("turn,speaker,text\n1,agent,hi\n", { grouping: "turns", idColumn: "" });
    expect(problems[0]).toMatchObject({ code: "MISSING_COLUMN", field: "callId" });
  });

  it("the preview's sniff tells the per-turn shape apart", () => {
    expect(sniffCsv(PER_TURN, { complete: true })).toMatchObject({ looksLikeTurns: true, guessedTurnColumn: "turn", guessedSpeakerColumn: "speaker", guessedIdColumn: "conversation_id" });
    expect(sniffCsv("call_id,transcript\na,x\nb,y\n", { complete: true }).looksLikeTurns).toBe(false);
  });
});
