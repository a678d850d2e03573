import { describe, expect, it } from "vitest";
import { parseManifest } from "./parse-manifest";

// Bedrock writes the keys in this order, compact, on one line.
const REAL =
  '{"totalRecordCount":1000,"processedRecordCount":1000,"successRecordCount":996,"errorRecordCount":4,"inputTokenCount":571234,"outputTokenCount":143002}';

describe("parseManifest", () => {
  it("reads all six counts", () => {
    expect(parseManifest(REAL)).toEqual({
      ok: true,
      manifest: {
        totalRecordCount: 1000, processedRecordCount: 1000, successRecordCount: 996, errorRecordCount: 4,
        inputTokenCount: 571234, outputTokenCount: 143002, missing: [],
      },
    });
  });

  it("takes already-parsed JSON and ignores extra keys", () => {
    const result = parseManifest({ ...JSON.parse(REAL), jobArn: "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/abcdefghijkl" });
    expect(result).toMatchObject({ ok: true, manifest: { successRecordCount: 996, missing: [] } });
  });

  it("counts absent fields as 0 and names them", () => {
    expect(parseManifest('{"totalRecordCount":5,"successRecordCount":"5"}')).toEqual({
      ok: true,
      manifest: {
        totalRecordCount: 5, processedRecordCount: 0, successRecordCount: 5, errorRecordCount: 0, inputTokenCount: 0, outputTokenCount: 0,
        missing: ["processedRecordCount", "errorRecordCount", "inputTokenCount", "outputTokenCount"],
      },
    });
  });

  it.each([
    ["not JSON", "{totalRecordCount: 1", /^manifest\.json\.out is not valid JSON/],
    ["an array", "[1,2]", /^manifest\.json\.out is not a JSON object\.$/],
    ["null", "null", /^manifest\.json\.out is not a JSON object\.$/],
    ["a negative count", '{"errorRecordCount":-1}', /^manifest\.json\.out: errorRecordCount must be a whole number of 0 or more\.$/],
    ["a fraction", '{"inputTokenCount":1.5}', /inputTokenCount must be a whole number/],
    ["a word", '{"totalRecordCount":"many"}', /totalRecordCount must be a whole number/],
  ])("refuses %s with a message, without throwing", (_name, text, message) => {
    const result = parseManifest(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
