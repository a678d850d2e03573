// The 1,100 synthetic calls behind the Bedrock batch launch article, read from the real zip.
import { beforeAll, describe, expect, it } from "vitest";
import { readZipEntries } from "./read-zip";
import { parseTranscriptFiles, parseTranscripts } from "./parse-transcripts";
import type { Problem, Transcript } from "./types";
import { chunked, collect, DATA } from "../../test/fixtures/streams";

const ZIP = `${DATA}aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip`;

describe("synthetic call transcripts (zip of .txt)", () => {
  let accepted: Transcript[] = [];
  let problems: Problem[] = [];

  beforeAll(async () => {
    const results = await collect(parseTranscriptFiles(readZipEntries(ZIP)));
    accepted = results.flatMap((r) => (r.ok ? [r.value] : []));
    problems = results.flatMap((r) => (r.ok ? [] : [r.error]));
  });

  it("accepts all 1,100 calls with their file names as call ids", () => {
    expect(problems).toEqual([]);
    expect(accepted).toHaveLength(1100);
    expect(new Set(accepted.map((t) => t.callId)).size).toBe(1100);
    expect(accepted.map((t) => t.callId).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 1100 }, (_, i) => String(i)));
  });

  it("splits each call into speaker turns, starting with the customer's call", () => {
    const first = accepted.find((t) => t.callId === "0")!;
    expect(first.file).toBe("textual/0.txt");
    expect(first.turns![0]).toEqual({ speaker: "Customer", text: "*dials the customer support number*" });
    expect(first.turns![1].speaker).toBe("Agent");
    expect(accepted.every((t) => (t.turns?.length ?? 0) >= 10)).toBe(true);
  });

  it("keeps non-ASCII text, placeholders and the [email protected] artefact untouched", () => {
    const all = accepted.map((t) => t.text).join("\n");
    expect(accepted.filter((t) => /[^\x00-\x7f]/.test(t.text)).length).toBe(24);
    expect(all).toMatch(/¿|¡|ñ/);
    expect(all.match(/\{NAME\}/g)!.length).toBeGreaterThan(4500);
    expect(all.match(/\[email protected\]/g)!.length).toBe(457);
    expect(all).not.toContain("\uFFFD");
  });

  it("has no trailing newline to trip on: texts end with the last utterance", () => {
    expect(accepted.every((t) => !t.text.endsWith("\n") && t.text.length >= 2600)).toBe(true);
  });

  it("reads a single .txt upload the same way as the zip entry", async () => {
    const zipped = accepted.find((t) => t.callId === "42")!;
    let bytes: Uint8Array | undefined;
    for await (const e of readZipEntries(ZIP)) {
      if (e.name !== "textual/42.txt") {
        for await (const _ of e.source); // drain: entries are read one after another
        continue;
      }
      const parts = await collect(e.source);
      bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (bytes!.set(p, at), at + p.length), 0);
    }
    const [single] = await collect(parseTranscripts(chunked(bytes!, 7), { fileName: "42.txt" }));
    expect(single).toEqual({ ok: true, value: { ...zipped, file: "42.txt" } });
  });
});
