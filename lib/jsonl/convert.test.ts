import { describe, expect, it } from "vitest";
import { convertToJsonl, type ConvertOptions } from "./convert";
import { compileLineTemplate } from "./line-template";
import { validateBatchInput } from "./validate-input";
import { chunked, collect } from "../../test/fixtures/streams";

const modelInput = (text: string) => ({ inputText: `Summarize: ${text}` });
const template = compileLineTemplate(modelInput("{{transcript}}"));
const quotas = { minRecordsPerJob: 2, maxRecordsPerJob: 3, maxFileBytes: 10_000, maxJobBytes: 10_000 };

const rows = Array.from({ length: 7 }, (_, i) => `c${i},"Agent: hi ""${i}""\nCustomer: mail me at x${i}@y.com"`);
const CSV = `call_id,transcript\n${rows.join("\n")}\nc3,"duplicate"\n`;

async function run(input: string, opts: Partial<ConvertOptions> = {}, size?: number) {
  const { lines, summary } = convertToJsonl(chunked(input, size), { fileName: "calls.csv", lineTemplate: template, quotas, ...opts });
  return { lines: await collect(lines), summary };
}

describe("convertToJsonl", () => {
  it("turns a CSV into redacted Bedrock lines with ordinal recordIds, split into parts", async () => {
    const { lines, summary } = await run(CSV);
    expect(lines.map((l) => [l.part, l.recordId, l.callId])).toEqual([
      [1, "RC000000001", "c0"], [1, "RC000000002", "c1"], [1, "RC000000003", "c2"],
      [2, "RC000000004", "c3"], [2, "RC000000005", "c4"], [2, "RC000000006", "c5"],
      [3, "RC000000007", "c6"],
    ]);
    expect(JSON.parse(lines[0].line)).toEqual({ recordId: "RC000000001", modelInput: { inputText: 'Summarize: Agent: hi "0"\nCustomer: mail me at {EMAIL}' } });
    expect(summary).toMatchObject({ accepted: 7, problemCount: 1, problems: [{ code: "DUPLICATE_CALL_ID", line: 16 }] });
    expect(summary.parts.map((p) => p.records)).toEqual([3, 3, 1]);
    expect(summary.bytes).toBe(lines.reduce((n, l) => n + l.bytes, 0));
    // The last part is under the minimum: the plan (balanced) says how it should be cut instead.
    expect(summary.plan).toMatchObject({ ok: true, parts: [{ records: 3 }, { records: 2 }, { records: 2 }] });
  });

  it("gives the same lines twice, in any chunking, and balances parts from a first pass", async () => {
    const first = await run(CSV, {}, 1);
    const second = await run(CSV, { expected: { records: first.summary.accepted, bytes: first.summary.bytes } }, 64);
    expect(second.lines.map((l) => l.line)).toEqual(first.lines.map((l) => l.line));
    expect(second.summary.parts.map((p) => p.records)).toEqual([3, 2, 2]);
  });

  it("builds the same lines with buildModelInput as with a template, and they validate", async () => {
    const viaTemplate = await run(CSV);
    const viaFunction = await run(CSV, { lineTemplate: undefined, buildModelInput: (t) => modelInput(t.text) });
    expect(viaFunction.lines).toEqual(viaTemplate.lines);
    const file = viaTemplate.lines.map((l) => l.line + "\n").join("");
    expect(await validateBatchInput(chunked(file, 100))).toEqual({ records: 7, bytes: viaTemplate.summary.bytes, problems: [] });
  });

  it("is pulled: it reads no further than the consumer asks", async () => {
    let pulled = 0;
    async function* source() {
      for (const row of [`id,transcript\n`, ...rows.map((r) => r + "\n")]) {
        pulled++;
        yield new TextEncoder().encode(row);
      }
    }
    const { lines } = convertToJsonl(source(), { fileName: "calls.csv", lineTemplate: template, quotas });
    const it = lines[Symbol.asyncIterator]();
    await it.next();
    expect(pulled).toBeLessThanOrEqual(3);
    await it.return?.();
  });

  it("reports a dataset below the minimum in the plan", async () => {
    const { summary } = await run("id,text\n1,a\n", { quotas: { ...quotas, minRecordsPerJob: 100 } });
    expect(summary.plan).toMatchObject({ ok: false, error: { message: expect.stringContaining("Add 99 more transcripts") } });
  });
});
