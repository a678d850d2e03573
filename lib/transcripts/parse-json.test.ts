import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTranscripts, type ParseOptions } from "./parse-transcripts";
import type { ParseNotes } from "./types";
import { chunked, collect, DATA } from "../../test/fixtures/streams";

const CALL_ANALYTICS = readFileSync(`${DATA}transcribe-call-analytics-example/example-call.json`);
const BEDROCK_INPUT = readFileSync(`${DATA}serverless-patterns-batch-input/input.jsonl`);

async function parse(input: Uint8Array | string, opts: ParseOptions, size?: number) {
  const notes: ParseNotes = {};
  const results = await collect(parseTranscripts(chunked(input, size), { ...opts, notes }));
  return { accepted: results.flatMap((r) => (r.ok ? [r.value] : [])), problems: results.flatMap((r) => (r.ok ? [] : [r.error])), notes };
}

describe("Amazon Transcribe Call Analytics output (real example-call.json)", () => {
  it("becomes one call of 37 Agent/Customer turns with [PII] kept", async () => {
    const { accepted, problems, notes } = await parse(CALL_ANALYTICS, { fileName: "example-call.json" }, 4096);
    expect(problems).toEqual([]);
    expect(notes.format).toBe("json");
    expect(accepted).toHaveLength(1);
    const [call] = accepted;
    expect(call.callId).toBe("example-call.wav");
    expect(call.turns).toHaveLength(37);
    expect(call.turns!.filter((t) => t.speaker === "Agent")).toHaveLength(19);
    expect(call.turns!.filter((t) => t.speaker === "Customer")).toHaveLength(18);
    expect(call.text.split("\n")[0]).toBe("Agent: Thank you for calling Anchor Credit Union, the number one choice for captains worldwide, how can I help you?");
    // The file holds 24 [PII] tokens: 12 in segment Content, 12 more in word-level Items.
    expect(call.text.match(/\[PII\]/g)).toHaveLength(12);
    expect(call.text).toContain("Alright [PII]");
    expect(call.metadata).toMatchObject({ source: "transcribe-call-analytics", LanguageCode: "en-US", categories: ["No_Closing_Remark"] });
  });
});

describe("standard Amazon Transcribe output", () => {
  const item = (content: string, start: string | undefined, speaker?: string) =>
    start === undefined
      ? { type: "punctuation", alternatives: [{ content }] }
      : { type: "pronunciation", start_time: start, end_time: start, alternatives: [{ content }], ...(speaker ? { speaker_label: speaker } : {}) };

  it("builds turns from speaker_labels segments and items", async () => {
    const doc = {
      jobName: "call-7",
      results: {
        transcripts: [{ transcript: "Hello there. Hi." }],
        speaker_labels: {
          segments: [
            { speaker_label: "spk_0", items: [{ start_time: "0.1", speaker_label: "spk_0" }, { start_time: "0.5", speaker_label: "spk_0" }] },
            { speaker_label: "spk_1", items: [{ start_time: "1.0", speaker_label: "spk_1" }] },
          ],
        },
        items: [item("Hello", "0.1"), item("there", "0.5"), item(".", undefined), item("Hi", "1.0"), item(".", undefined)],
      },
    };
    const { accepted } = await parse(JSON.stringify(doc), { fileName: "x.json" });
    expect(accepted[0]).toMatchObject({ callId: "call-7", text: "Agent: Hello there.\nCustomer: Hi.", turns: [{ speaker: "Agent" }, { speaker: "Customer" }] });
  });

  it("uses audio_segments when present, and the plain transcript without speakers", async () => {
    const segmented = {
      jobName: "j",
      results: {
        transcripts: [{ transcript: "a b c" }],
        audio_segments: [
          { transcript: "a", speaker_label: "spk_0" },
          { transcript: "b", speaker_label: "spk_0" },
          { transcript: "c", speaker_label: "spk_1" },
        ],
      },
    };
    expect((await parse(JSON.stringify(segmented), { fileName: "j.json" })).accepted[0].text).toBe("Agent: a b\nCustomer: c");
    const plain = { results: { transcripts: [{ transcript: "just words" }], items: [item("just", "0"), item("words", "1")] } };
    expect((await parse(JSON.stringify(plain), { fileName: "dir/plain.json" })).accepted[0]).toMatchObject({ callId: "plain", text: "just words", turns: undefined });
  });
});

describe("JSON arrays of calls", () => {
  it("reads {transcripts: [...]} with id/text keys and turn lists; item numbers as lines", async () => {
    const doc = {
      transcripts: [
        { conversation_id: "a", text: "Agent: hi" },
        { conversation_id: "b", turns: [{ role: "agent", content: "hello" }, { role: "customer", content: "hey" }] },
        { conversation_id: "c", text: "" },
      ],
    };
    const { accepted, problems } = await parse(JSON.stringify(doc, null, 2), { fileName: "calls.json" });
    expect(accepted.map((t) => [t.callId, t.text, t.line])).toEqual([
      ["a", "Agent: hi", 1],
      ["b", "Agent: hello\nCustomer: hey", 2],
    ]);
    expect(problems).toMatchObject([{ code: "EMPTY_TRANSCRIPT", line: 3 }]);
  });

  it("reports broken JSON with its line", async () => {
    const { problems } = await parse('[\n {"id": 1,\n  "text": "x" oops}\n]', { fileName: "bad.json" });
    expect(problems).toMatchObject([{ code: "BAD_JSON", line: 3 }]);
    expect(problems[0].message).toMatch(/^bad.json is not valid JSON \(line 3: /);
  });
});

describe("JSONL", () => {
  it("recognises a Bedrock batch input file (real input.jsonl) and takes the transcript out of the prompt", async () => {
    const { accepted, problems, notes } = await parse(BEDROCK_INPUT, { fileName: "input.jsonl" }, 1000);
    expect(problems).toEqual([]);
    expect(notes).toMatchObject({ format: "jsonl", bedrockBatchInput: true });
    // All 105 records repeat the same conversation; their recordIds are distinct call ids.
    expect(accepted.map((t) => t.callId)).toEqual(Array.from({ length: 105 }, (_, i) => `CALL${String(i + 1).padStart(7, "0")}`));
    expect(accepted[104].line).toBe(105);
    expect(accepted[0].text).toMatch(/^Customer Service Agent: "Thank you for contacting Amazon Customer Service\./);
    expect(accepted[0].text).toHaveLength(1806 - "Summarize the following call transcript:  ".length);
    expect(accepted[0].metadata).toEqual({ recordId: "CALL0000001", instruction: "Summarize the following call transcript:" });
    expect(new Set(accepted.map((t) => t.text)).size).toBe(1);
  });

  it("reads id/text lines, reports a broken line and goes on", async () => {
    const jsonl = '{"call_id":"1","transcript":"a"}\r\n{"call_id":"2",\n\n{"call_id":"3","transcript":"c"}';
    const { accepted, problems } = await parse(jsonl, { fileName: "calls.ndjson" }, 1);
    expect(accepted.map((t) => [t.callId, t.text, t.line])).toEqual([["1", "a", 1], ["3", "c", 4]]);
    expect(problems).toMatchObject([{ code: "BAD_JSON", line: 2 }]);
  });

  it("reports an empty file", async () => {
    expect((await parse("\n\n", { fileName: "e.jsonl" })).problems).toMatchObject([{ code: "EMPTY_FILE", line: 0 }]);
  });
});
