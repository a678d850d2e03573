// Output files field by field: the real AWS sample input, every model family, error lines,
// injected record failures, and what Validating refuses.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordShare } from "./process-job";
import { claudeLine, REAL_INPUT, SAMPLE_CALL, startStack, type Stack } from "./test-harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ quotas: { minRecordsPerJob: 100 } });
});
afterAll(() => stack.close());

const lines = (text: string) => text.split("\n").filter((l) => l !== "");
const jobIdOf = (arn: string) => arn.slice(-12);

async function runJob(prefix: string, body: string, input: Record<string, unknown> = {}) {
  await stack.put(`${prefix}/part-0.jsonl`, body);
  const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://recap/${prefix}/` } }, outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://recap/out/${prefix}` } }, ...input });
  const job = await stack.waitFor(arn, ["Completed", "PartiallyCompleted", "Failed"]);
  return { arn, job, out: `out/${prefix}/${jobIdOf(arn)}/` };
}

describe("the real batch input file (aws-samples/serverless-patterns)", () => {
  it("completes with one Claude Messages line per record, in order, and a matching manifest", async () => {
    const input = fs.readFileSync(REAL_INPUT, "utf8");
    await stack.put("real/input.jsonl", input);
    const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://recap/real/input.jsonl" } }, outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://recap/real-out/" } } });
    const job = await stack.waitFor(arn, ["Completed", "Failed"]);
    expect(job).toMatchObject({ status: "Completed", totalRecordCount: 105, processedRecordCount: 105, successRecordCount: 105, errorRecordCount: 0 });
    const id = jobIdOf(arn);
    expect(await stack.keys("real-out/")).toEqual([`real-out/${id}/input.jsonl.out`, `real-out/${id}/manifest.json.out`]);

    const out = lines(await stack.text(`real-out/${id}/input.jsonl.out`));
    const inputs = lines(input).map((l) => JSON.parse(l) as { recordId: string; modelInput: unknown });
    expect(out).toHaveLength(105);
    let inTokens = 0;
    let outTokens = 0;
    out.forEach((line, i) => {
      expect(line).not.toMatch(/\n|": /); // compact JSON, one object a line
      const rec = JSON.parse(line);
      expect(Object.keys(rec)).toEqual(["modelInput", "modelOutput", "recordId"]);
      expect(rec.recordId).toBe(`CALL${String(i + 1).padStart(7, "0")}`);
      expect(rec.modelInput).toEqual(inputs[i]!.modelInput);
      const mo = rec.modelOutput;
      expect(Object.keys(mo)).toEqual(["id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"]);
      expect(mo.id).toMatch(/^msg_bdrk_[A-Za-z0-9]{24}$/);
      expect(mo).toMatchObject({ type: "message", role: "assistant", model: "claude-3-haiku-20240307", stop_reason: "end_turn", stop_sequence: null });
      expect(mo.content).toHaveLength(1);
      expect(mo.content[0].type).toBe("text");
      expect(mo.content[0].text).toMatch(/coffee maker/);
      expect(mo.content[0].text).toMatch(/refund/);
      expect(Number.isInteger(mo.usage.input_tokens) && mo.usage.input_tokens > 400).toBe(true);
      expect(Number.isInteger(mo.usage.output_tokens) && mo.usage.output_tokens > 0).toBe(true);
      inTokens += mo.usage.input_tokens;
      outTokens += mo.usage.output_tokens;
    });
    const manifestText = await stack.text(`real-out/${id}/manifest.json.out`);
    const manifest = JSON.parse(manifestText);
    expect(Object.keys(manifest)).toEqual(["totalRecordCount", "processedRecordCount", "successRecordCount", "errorRecordCount", "inputTokenCount", "outputTokenCount"]);
    expect(manifest).toEqual({ totalRecordCount: 105, processedRecordCount: 105, successRecordCount: 105, errorRecordCount: 0, inputTokenCount: inTokens, outputTokenCount: outTokens });
  });

  it("fails during Validating, not at Create, when the job is under the minimum record count", async () => {
    await stack.admin("PUT", "quotas", { minRecordsPerJob: 1000 });
    try {
      const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://recap/real/input.jsonl" } } });
      const job = await stack.waitFor(arn, ["Failed", "Completed"]);
      expect(job.status).toBe("Failed");
      expect(job.message).toMatch(/105 records.*at least 1000/);
      expect(job.endTime).toBeInstanceOf(Date);
    } finally {
      await stack.admin("PUT", "quotas", { minRecordsPerJob: 100 });
    }
  });
});

const records = (n: number, make: (i: number) => unknown) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ recordId: `REC${String(i).padStart(8, "0")}`, modelInput: make(i) })).join("\n");
const userText = `Summarize this call.\n<transcript>\n${SAMPLE_CALL}\n</transcript>`;

describe("each model family writes its own output shape", () => {
  const families: [string, string, Record<string, unknown>, unknown, (mo: any) => void][] = [
    ["Amazon Nova", "amazon.nova-lite-v1:0", {}, { schemaVersion: "messages-v1", messages: [{ role: "user", content: [{ text: userText }] }], inferenceConfig: { max_new_tokens: 500 } }, (mo) => {
      expect(Object.keys(mo)).toEqual(["output", "stopReason", "usage"]);
      expect(mo.output.message.role).toBe("assistant");
      expect(mo.output.message.content[0].text).toMatch(/refund/);
      expect(mo.stopReason).toBe("end_turn");
      expect(mo.usage.totalTokens).toBe(mo.usage.inputTokens + mo.usage.outputTokens);
    }],
    ["Meta Llama", "meta.llama3-1-8b-instruct-v1:0", {}, { prompt: `<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n${userText}<|eot_id|><|start_header_id|>assistant<|end_header_id|>`, max_gen_len: 512 }, (mo) => {
      expect(Object.keys(mo)).toEqual(["generation", "prompt_token_count", "generation_token_count", "stop_reason"]);
      expect(mo.generation).toMatch(/charged twice/);
      expect(mo.generation).not.toMatch(/<\|/);
      expect(mo.stop_reason).toBe("stop");
    }],
    ["Mistral", "mistral.mistral-7b-instruct-v0:2", {}, { prompt: `<s>[INST] ${userText} [/INST]`, max_tokens: 400 }, (mo) => {
      expect(Object.keys(mo)).toEqual(["outputs"]);
      expect(Object.keys(mo.outputs[0])).toEqual(["text", "stop_reason"]);
      expect(mo.outputs[0].text).toMatch(/refund/);
    }],
    ["Titan Text", "amazon.titan-text-express-v1", {}, { inputText: userText, textGenerationConfig: { maxTokenCount: 20 } }, (mo) => {
      expect(Object.keys(mo)).toEqual(["inputTextTokenCount", "results"]);
      expect(mo.results[0].completionReason).toBe("LENGTH"); // 20 tokens is too few for the summary
      expect(mo.results[0].tokenCount).toBe(20);
      expect(mo.results[0].outputText).toHaveLength(80);
    }],
    ["Converse", "anthropic.claude-3-5-sonnet-20240620-v1:0", { modelInvocationType: "Converse" }, { messages: [{ role: "user", content: [{ text: userText }] }], inferenceConfig: { maxTokens: 800 } }, (mo) => {
      expect(Object.keys(mo)).toEqual(["output", "stopReason", "usage", "metrics"]);
      expect(mo.output.message.content[0].text).toMatch(/refund/);
    }],
  ];
  it.each(families)("%s", async (name, modelId, extra, modelInput, check) => {
    const prefix = `family-${name.replace(/\W/g, "").toLowerCase()}`;
    const { job, out } = await runJob(prefix, records(100, () => modelInput), { modelId, ...extra });
    expect(job).toMatchObject({ status: "Completed", successRecordCount: 100, errorRecordCount: 0 });
    const outLines = lines(await stack.text(`${out}part-0.jsonl.out`)).map((l) => JSON.parse(l));
    expect(outLines).toHaveLength(100);
    for (const rec of outLines) {
      expect(Object.keys(rec)).toEqual(["modelInput", "modelOutput", "recordId"]);
      check(rec.modelOutput);
    }
    const manifest = JSON.parse(await stack.text(`${out}manifest.json.out`));
    expect(manifest.inputTokenCount).toBeGreaterThan(100 * 50);
  });
});

describe("records the model cannot take become error lines; the job goes on", () => {
  it("writes {recordId, modelInput, error:{errorCode, errorMessage}} and counts them", async () => {
    const good = { anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages: [{ role: "user", content: userText }] };
    const bad = { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "hi" }] };
    const body = records(100, (i) => (i % 10 === 3 ? bad : good)) + "\n" + JSON.stringify({ modelInput: good }) + "\n";
    const { job, out } = await runJob("errors", body);
    expect(job).toMatchObject({ status: "Completed", totalRecordCount: 101, processedRecordCount: 101, successRecordCount: 91, errorRecordCount: 10 });
    const outLines = lines(await stack.text(`${out}part-0.jsonl.out`)).map((l) => JSON.parse(l));
    const err = outLines[3];
    expect(Object.keys(err)).toEqual(["recordId", "modelInput", "error"]);
    expect(err).toEqual({ recordId: "REC00000003", modelInput: bad, error: { errorCode: 400, errorMessage: expect.stringMatching(/^Malformed input request: #: required key \[max_tokens\] not found/) } });
    expect(outLines[100].recordId).toMatch(/^[A-Z0-9]{11}$/); // added by the service
    const manifest = JSON.parse(await stack.text(`${out}manifest.json.out`));
    expect(manifest).toMatchObject({ totalRecordCount: 101, processedRecordCount: 101, successRecordCount: 91, errorRecordCount: 10 });
  });

  it("fails the same share of records on every run (bedrock-local:fail-records)", async () => {
    const body = records(200, () => ({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages: [{ role: "user", content: userText }] }));
    const expected = Array.from({ length: 200 }, (_, i) => `REC${String(i).padStart(8, "0")}`).filter((id) => recordShare(id) < 0.25);
    expect(expected.length).toBeGreaterThan(20);
    const { job, out } = await runJob("fail-share", body, { tags: [{ key: "bedrock-local:fail-records", value: "0.25" }] });
    expect(job).toMatchObject({ status: "Completed", errorRecordCount: expected.length, successRecordCount: 200 - expected.length });
    const failed = lines(await stack.text(`${out}part-0.jsonl.out`)).map((l) => JSON.parse(l)).filter((r) => r.error).map((r) => r.recordId);
    expect(failed).toEqual(expected);
  });
});

describe("the built-in model answers JSON when the prompt asks for it", () => {
  it("returns the keys Recap's template names", async () => {
    const prompt = `Summarize the call. Respond with JSON only: {"summary": "...", "reason_for_call": "...", "resolution": "...", "customer_sentiment": "positive|neutral|negative", "action_items": ["..."], "topics": ["..."]}\n<transcript>\n${SAMPLE_CALL}\n</transcript>`;
    const { out } = await runJob("json", records(100, () => ({ anthropic_version: "bedrock-2023-05-31", max_tokens: 1000, messages: [{ role: "user", content: prompt }] })));
    const answer = JSON.parse(JSON.parse(lines(await stack.text(`${out}part-0.jsonl.out`))[0]!).modelOutput.content[0].text);
    expect(Object.keys(answer)).toEqual(["summary", "reason_for_call", "resolution", "customer_sentiment", "action_items", "topics"]);
    expect(answer.reason_for_call).toMatch(/charged twice/);
    expect(answer.resolution).toMatch(/refund|confirmation/);
    expect(answer.customer_sentiment).toBe("positive");
    expect(answer.action_items.join(" ")).toMatch(/within/);
    expect(answer.topics).toContain("refund");
  });
});

describe("Validating fails the job with the file, the line and the rule", () => {
  const good = claudeLine("GOOD0000001", SAMPLE_CALL);
  it.each([
    ["invalid JSON", `${good}\n${good}\n{"recordId": "X", "modelInput": {`, /validating-0\/part-0\.jsonl, line 3: the line is not valid JSON/],
    ["missing modelInput", `${good}\n{"recordId":"ABC"}`, /line 2: the required field "modelInput" is missing/],
    ["a byte-order mark", `\uFEFF${good}`, /line 1: the line is not valid JSON \(it starts with a byte-order mark/],
  ])("%s", async (_what, body, message) => {
    await stack.admin("PUT", "quotas", { minRecordsPerJob: 1 });
    try {
      const prefix = `validating-${["invalid JSON", "missing modelInput", "a byte-order mark"].indexOf(_what)}`;
      const { job } = await runJob(prefix, body);
      expect(job.status).toBe("Failed");
      expect(job.message).toMatch(message);
    } finally {
      await stack.admin("PUT", "quotas", { minRecordsPerJob: 100 });
    }
  });

  it("counts records per file against the quota and refuses an empty prefix", async () => {
    await stack.admin("PUT", "quotas", { minRecordsPerJob: 1, maxRecordsPerFile: 5 });
    try {
      const { job } = await runJob("too-many", Array.from({ length: 6 }, () => good).join("\n"));
      expect(job.message).toMatch(/too-many\/part-0\.jsonl has more than 5 records \(line 6\)/);
      const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://recap/nothing-here/" } } });
      expect((await stack.waitFor(arn, ["Failed"])).message).toMatch(/No \.jsonl input files found at s3:\/\/recap\/nothing-here\//);
    } finally {
      await stack.admin("PUT", "quotas", { minRecordsPerJob: 100, maxRecordsPerFile: 50_000 });
    }
  });
});

describe("a prefix with several files", () => {
  it("writes one .out per input file and one manifest for the job", async () => {
    await stack.put("multi/a.jsonl", records(60, () => ({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages: [{ role: "user", content: userText }] })));
    await stack.put("multi/sub/b.jsonl", records(50, () => ({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages: [{ role: "user", content: userText }] })));
    await stack.put("multi/readme.txt", "not an input");
    const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://recap/multi" } }, outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://recap/multi-out/" } } });
    expect(await stack.waitFor(arn, ["Completed", "Failed"])).toMatchObject({ status: "Completed", totalRecordCount: 110 });
    const id = jobIdOf(arn);
    expect(await stack.keys("multi-out/")).toEqual([`multi-out/${id}/a.jsonl.out`, `multi-out/${id}/manifest.json.out`, `multi-out/${id}/sub/b.jsonl.out`]);
    expect(lines(await stack.text(`multi-out/${id}/sub/b.jsonl.out`))).toHaveLength(50);
    expect(JSON.parse(await stack.text(`multi-out/${id}/manifest.json.out`)).processedRecordCount).toBe(110);
  });
});
