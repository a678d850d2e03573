// Text that reaches the parsers from hostile or sloppy exporters: CRLF line endings in every
// shape (issue 9), NUL characters (PostgreSQL refuses them), a JSON array read item by item,
// and single records too large to hold (issue 8: a 600 MB "transcript" ended in a RangeError).
import { describe, expect, it } from "vitest";
import { parseTranscripts, type ParseOptions } from "./parse-transcripts";
import type { ParseNotes } from "./types";
import { chunked, collect, utf16 } from "../../test/fixtures/streams";

async function parse(input: Uint8Array | string, opts: ParseOptions, size?: number) {
  const notes: ParseNotes = {};
  const results = await collect(parseTranscripts(chunked(input, size), { ...opts, notes }));
  return { accepted: results.flatMap((r) => (r.ok ? [r.value] : [])), problems: results.flatMap((r) => (r.ok ? [] : [r.error])), notes };
}

const TURNS = "Agent: Hello, thanks for calling.\r\nCustomer: My order is late.\r\nAgent: Let me check.";
const LF = TURNS.replace(/\r\n/g, "\n");

describe("line endings: every shape stores LF only", () => {
  it.each([
    ["CSV with CRLF inside a quoted field", "calls.csv", `call_id,transcript\r\nc1,"${TURNS}"\r\n`],
    ["JSON strings with \\r\\n escapes", "calls.json", JSON.stringify([{ call_id: "c1", transcript: TURNS }])],
    ["JSONL with \\r\\n escapes and CRLF line ends", "calls.jsonl", JSON.stringify({ call_id: "c1", transcript: TURNS }) + "\r\n"],
    ["plain text with CRLF", "c1.txt", TURNS + "\r\n"],
    ["plain text with lone CR", "c1.txt", TURNS.replace(/\r\n/g, "\r")],
  ])("%s", async (_, fileName, content) => {
    for (const size of [1, 7, undefined]) {
      const { accepted, problems } = await parse(content, { fileName }, size);
      expect(problems).toEqual([]);
      expect(accepted).toHaveLength(1);
      expect(accepted[0].text).toBe(LF);
      expect(accepted[0].text).not.toContain("\r");
      expect(accepted[0].turns ?? []).not.toContainEqual(expect.objectContaining({ text: expect.stringContaining("\r") }));
    }
  });
});

describe("NUL characters", () => {
  it("refuses a transcript, a call id or metadata holding NUL, by line, and keeps the other rows", async () => {
    const csv = "call_id,agent,transcript\nc1,Ann,Agent: fine\nc2,Bob,\"Agent: bad\0byte\"\nc\x003,Cy,Agent: x\nc4,D\0,Agent: y\n";
    const { accepted, problems } = await parse(csv, { fileName: "calls.csv" });
    expect(accepted.map((t) => t.callId)).toEqual(["c1"]);
    expect(problems.map((p) => [p.line, p.code, p.field])).toEqual([[3, "BAD_ENCODING", "text"], [4, "BAD_ENCODING", "callId"], [5, "BAD_ENCODING", "metadata"]]);
    expect(problems[0].message).toMatch(/^calls\.csv, line 3: the transcript contains NUL \(0x00\) characters/);
  });

  it("refuses a JSON \\u0000 escape too", async () => {
    const { problems } = await parse(JSON.stringify([{ id: "a", transcript: "x\u0000y" }]), { fileName: "c.json" });
    expect(problems).toMatchObject([{ line: 1, code: "BAD_ENCODING", field: "text" }]);
  });

  it("reads a UTF-16 LE CSV without a BOM as text, not as NUL-riddled UTF-8", async () => {
    const { accepted, notes } = await parse(utf16("call_id,transcript\nc1,Agent: hola\n", "le").subarray(2), { fileName: "calls.csv" });
    expect(notes.encoding).toBe("utf-16le");
    expect(accepted).toMatchObject([{ callId: "c1", text: "Agent: hola" }]);
  });
});

describe("a JSON array is streamed item by item", () => {
  it("gives each item as soon as its chunk arrives, before the document ends", async () => {
    async function* source() {
      yield new TextEncoder().encode(`[{"id":"a","transcript":"Agent: ${"one ".repeat(200)}"},`);
      throw new Error("the rest never arrives"); // a whole-document JSON.parse could not have given item 1
    }
    const it = parseTranscripts(source(), { fileName: "calls.json" })[Symbol.asyncIterator]();
    expect((await it.next()).value).toMatchObject({ ok: true, value: { callId: "a", line: 1 } });
    await expect(it.next()).rejects.toThrow("the rest never arrives");
  });

  it("reads {calls: [...]} beside other keys, an empty list, trailing garbage and a cut-off document", async () => {
    const wrapped = await parse(JSON.stringify({ exported: "2024", calls: [{ id: "a", text: "A: x" }, { id: "b", text: "A: y" }] }), { fileName: "w.json" }, 5);
    expect(wrapped.accepted.map((t) => [t.callId, t.line])).toEqual([["a", 1], ["b", 2]]);
    expect((await parse('{"calls": []}', { fileName: "e.json" })).problems).toMatchObject([{ code: "EMPTY_FILE" }]);
    expect((await parse("[]", { fileName: "e.json" })).problems).toMatchObject([{ code: "EMPTY_FILE" }]);
    const trailing = await parse('[{"id":"a","text":"A: x"}]\n\nnope', { fileName: "t.json" });
    expect(trailing.accepted).toHaveLength(1);
    expect(trailing.problems).toMatchObject([{ code: "BAD_JSON", line: 3 }]);
    expect((await parse('[{"id":"a","text":"A: x"},\n{"id":', { fileName: "cut.json" })).problems).toMatchObject([{ code: "BAD_JSON", line: 2 }]);
  });
});

describe("records too large to hold are refused with the limit, never a RangeError", () => {
  const limits = { text: 1000, json: 1000, jsonl: 1000, csv: 1000 };
  it.each([
    ["one.txt", "Agent: " + "blah ".repeat(400), 0, /^one\.txt is larger than 0 MB, the most one text transcript may be/],
    ["one.json", JSON.stringify({ id: "a", transcript: "x".repeat(2000) }), 1, /one call \(starting near line 1\) is larger than/],
    ["many.json", `[{"id":"a","text":"A: ok"},\n{"id":"b","text":"${"x".repeat(2000)}"}]`, 2, /starting near line 2/],
    ["rows.jsonl", `{"id":"a","text":"A: ok"}\n{"id":"b","text":"${"x".repeat(2000)}"}\n`, 2, /line 2 starts a row larger than/],
    ["rows.csv", `id,transcript\na,"A: ok"\nb,"${"x".repeat(2000)}"\n`, 3, /line 3 starts a row larger than/],
  ])("%s", async (fileName, content, line, message) => {
    const { accepted, problems } = await parse(content, { fileName, textColumn: fileName.endsWith(".csv") ? "transcript" : undefined, recordLimits: limits }, 64);
    expect(problems).toMatchObject([{ code: "TOO_LONG", line }]);
    expect(problems[0].message).toMatch(message);
    expect(accepted.length).toBe(line > 1 ? 1 : 0);
  });
});

describe("a long parse lets other work run", () => {
  it("pauses for the event loop while it validates many records from an in-memory source", async () => {
    // An in-memory source resolves on microtasks only: without pauses, no timer or I/O callback
    // (another request) runs until the whole file is parsed.
    const line = '{"id":"c","transcript":""}\n';
    async function* source() {
      const chunk = new TextEncoder().encode(line.repeat(2000));
      for (let i = 0; i < 100; i++) yield chunk;
    }
    let ticks = 0;
    let parsing = true;
    const tick = () => {
      ticks++;
      if (parsing) setImmediate(tick);
    };
    setImmediate(tick);
    const ticksAtStart = ticks;
    let records = 0;
    for await (const r of parseTranscripts(source(), { fileName: "many.jsonl" })) if (!r.ok) records++;
    parsing = false;
    expect(records).toBe(200_000);
    expect(ticks - ticksAtStart).toBeGreaterThan(1);
  });
});
