import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateBatchInput, validateInputLine } from "./validate-input";
import { chunked, DATA } from "../../test/fixtures/streams";

const INPUT = readFileSync(`${DATA}serverless-patterns-batch-input/input.jsonl`);

describe("validateBatchInput", () => {
  it("accepts the real Bedrock input file: 105 records, no trailing newline", async () => {
    expect(INPUT[INPUT.length - 1]).not.toBe(10);
    const check = await validateBatchInput(chunked(INPUT, 4093));
    expect(check).toEqual({ records: 105, bytes: INPUT.length + 1, problems: [] });
  });

  it("reports each bad line by number and keeps counting the good ones", async () => {
    const lines = [
      '{"recordId":"RC000000001","modelInput":{"prompt":"a"}}',
      '{"recordId":"short","modelInput":{}}',
      '{"recordId":"RC000000003","modelInput":"text"}',
      "not json",
      '{"recordId":"RC000000001","modelInput":{}}',
      "[1]",
    ];
    const check = await validateBatchInput(chunked(lines.join("\r\n") + "\r\n", 5));
    expect(check.records).toBe(1);
    expect(check.problems.map((p) => [p.line, p.code, p.field])).toEqual([
      [2, "BAD_RECORD_ID", "recordId"],
      [3, "BAD_MODEL_INPUT", "modelInput"],
      [4, "BAD_JSON", undefined],
      [5, "DUPLICATE_RECORD_ID", "recordId"],
      [6, "BAD_JSON", undefined],
    ]);
    expect(check.problems[3].message).toBe("Line 5: recordId RC000000001 is also on line 1. Each record needs its own id.");
  });

  it("flags over-long lines and empty files", async () => {
    expect(validateInputLine('{"recordId":"RC000000001","modelInput":{"p":"é"}}', 9, 40)).toMatchObject([{ line: 9, code: "LINE_TOO_LONG" }]);
    expect((await validateBatchInput(chunked(""))).problems).toMatchObject([{ code: "EMPTY_FILE" }]);
  });
});
