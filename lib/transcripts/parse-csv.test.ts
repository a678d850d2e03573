import { describe, expect, it } from "vitest";
import { parseTranscripts, type ParseOptions } from "./parse-transcripts";
import type { ParseNotes, ParseResult } from "./types";
import { chunked, collect, utf16 } from "../../test/fixtures/streams";

async function parse(input: Uint8Array | string, opts: ParseOptions = {}, size?: number) {
  const notes: ParseNotes = {};
  const results: ParseResult[] = await collect(parseTranscripts(chunked(input, size), { fileName: "calls.csv", notes, ...opts }));
  return {
    accepted: results.flatMap((r) => (r.ok ? [r.value] : [])),
    problems: results.flatMap((r) => (r.ok ? [] : [r.error])),
    notes,
  };
}

const CSV = 'contact_id,agent,transcript\r\nc1,Ann,"Agent: Hello, ""welcome""\r\nCustomer: Hi – ¡gracias!"\r\nc2,Bob,"Agent: Bye"\r\n';

describe("parseTranscripts on CSV", () => {
  it("guesses the id and transcript columns and keeps the others as metadata", async () => {
    const { accepted, problems, notes } = await parse(CSV);
    expect(problems).toEqual([]);
    expect(notes).toMatchObject({ format: "csv", idColumn: "contact_id", textColumn: "transcript", encoding: "utf-8" });
    expect(accepted).toEqual([
      // the CRLF inside the quoted field arrives as LF (issue 9: the summarizer stopped at "\r")
      { callId: "c1", text: 'Agent: Hello, "welcome"\nCustomer: Hi – ¡gracias!', metadata: { agent: "Ann" }, line: 2, file: "calls.csv" },
      { callId: "c2", text: "Agent: Bye", metadata: { agent: "Bob" }, line: 4, file: "calls.csv" },
    ]);
  });

  it("gives identical results for 1-byte chunks, one chunk, BOM, UTF-16 LE and BE", async () => {
    const whole = await parse(CSV);
    expect(await parse(CSV, {}, 1)).toEqual(whole);
    expect((await parse(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]), {}, 1)).accepted).toEqual(whole.accepted);
    const le = await parse(utf16(CSV, "le"), {}, 1);
    expect(le.accepted).toEqual(whole.accepted);
    expect(le.notes.encoding).toBe("utf-16le");
    expect((await parse(utf16(CSV, "be"), {}, 5)).accepted).toEqual(whole.accepted);
  });

  it("takes the longest column as transcript when no header name says so, and honours overrides", async () => {
    const csv = "call_id,notes,body_of_call\nx,short,a much longer transcript text here\n";
    expect((await parse(csv)).notes.textColumn).toBe("body_of_call");
    const { accepted } = await parse(csv, { idColumn: "notes", textColumn: "call_id" });
    expect(accepted[0]).toMatchObject({ callId: "short", text: "x" });
  });

  it("reports a missing override column once, naming the columns found", async () => {
    const { accepted, problems } = await parse(CSV, { textColumn: "Transcript Text" });
    expect(accepted).toEqual([]);
    expect(problems).toEqual([
      {
        line: 1, field: "Transcript Text", file: "calls.csv", code: "MISSING_COLUMN",
        message: 'The header (line 1) has no column "Transcript Text" for the transcript. Columns found: contact_id, agent, transcript. Pick one of them or rename the column.',
      },
    ]);
  });

  it("skips rows with too few or too many fields, an empty transcript and a duplicate id, and goes on", async () => {
    const csv = 'id,transcript\n1,"first"\n2\n3,"a",extra\n4,\n1,"again"\n5,"last"';
    const { accepted, problems } = await parse(csv);
    expect(accepted.map((t) => t.callId)).toEqual(["1", "5"]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ["BAD_ROW", 3],
      ["BAD_ROW", 4],
      ["EMPTY_TRANSCRIPT", 5],
      ["DUPLICATE_CALL_ID", 6],
    ]);
    expect(problems[0].message).toBe('Line 3 has 1 field(s) but the header has 2. Quote fields that contain ",", quotes or line breaks.');
    expect(problems[3].message).toBe('calls.csv, line 6: call id "1" was already used at line 2; the first one is kept. Give each call a unique id or remove the copy.');
  });

  it("rejects transcripts above the token limit with the estimate in the message", async () => {
    const csv = `id,text\nshort,${"a".repeat(40)}\nlong,${"a".repeat(41)}\n`;
    const { accepted, problems } = await parse(csv, { maxInputTokens: 10 });
    expect(accepted.map((t) => t.callId)).toEqual(["short"]);
    expect(problems).toMatchObject([{ code: "TOO_LONG", line: 3, field: "text" }]);
    expect(problems[0].message).toContain("about 11 tokens, above Recap's limit of 10 tokens per call");
    expect(problems[0].message).not.toContain("model");
  });

  it("names the row holding invalid UTF-8 and keeps the valid rows", async () => {
    const head = new TextEncoder().encode('id,text\n1,"good"\n2,"bad ');
    const bytes = new Uint8Array([...head, 0xff, 0xfe, ...new TextEncoder().encode('"\n3,"good too"\n')]);
    const { accepted, problems } = await parse(bytes, {}, 1);
    expect(accepted.map((t) => t.callId)).toEqual(["1", "3"]);
    expect(problems).toMatchObject([{ code: "BAD_ENCODING", line: 3, field: "text" }]);
  });

  it("reports an empty file and a header without rows", async () => {
    expect((await parse("")).problems).toMatchObject([{ code: "EMPTY_FILE", line: 0 }]);
    expect((await parse("id,transcript\r\n")).problems).toMatchObject([{ code: "EMPTY_FILE", line: 1 }]);
  });

  it("redacts PII by default and not when asked", async () => {
    const csv = 'id,text\n1,"Mail jo@example.com or call (555) 123-4567, card 4111 1111 1111 1111"\n';
    expect((await parse(csv)).accepted[0].text).toBe("Mail {EMAIL} or call {PHONE}, card {CREDIT_DEBIT_CARD_NUMBER}");
    expect((await parse(csv, { redact: false })).accepted[0].text).toContain("jo@example.com");
  });

  it("uses the row number as call id when there is no id column", async () => {
    const { accepted } = await parse("transcript\nhello\nworld\n");
    expect(accepted.map((t) => t.callId)).toEqual(["row-1", "row-2"]);
  });

  it("detects a semicolon CSV without extension from its content", async () => {
    const { accepted, notes } = await parse('id;transcript\n7;"a;b"\n', { fileName: "export" });
    expect(notes.format).toBe("csv");
    expect(accepted[0]).toMatchObject({ callId: "7", text: "a;b" });
  });
});
