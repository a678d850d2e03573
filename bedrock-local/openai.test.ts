// Real model text from an OpenAI-compatible endpoint: a small chat-completions server on
// loopback stands in for Ollama / vLLM, and the job's output carries its text and usage.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeLine, SAMPLE_CALL, startStack, type Stack } from "./test-harness";

type ChatBody = { model: string; max_tokens: number; messages: { role: string; content: string }[] };
const received: ChatBody[] = [];
const attemptsByPrompt = new Map<string, number>();
let server: http.Server;
let stack: Stack;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as ChatBody;
    received.push(body);
    const prompt = body.messages.at(-1)!.content;
    const attempt = (attemptsByPrompt.get(prompt) ?? 0) + 1;
    attemptsByPrompt.set(prompt, attempt);
    if (req.url !== "/v1/chat/completions" || req.headers.authorization !== "Bearer test-key") return void res.writeHead(401).end("no");
    if (prompt.includes("REJECT")) return void res.writeHead(400).end("context length exceeded");
    if (prompt.includes("FLAKY") && attempt === 1) return void res.writeHead(503).end("busy");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: `LLM says: ${prompt.length} chars` }, finish_reason: "stop" }], usage: { prompt_tokens: 321, completion_tokens: 12 } }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  stack = await startStack({ openai: { baseUrl: `http://127.0.0.1:${port}/v1/`, model: "llama3.2:1b", apiKey: "test-key", concurrency: 3 } });
});
afterAll(async () => {
  await stack.close();
  server.close();
});

describe("an OpenAI-compatible endpoint as the model", () => {
  it("writes its text and token usage into the family's shape, in input order", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `OAI${String(i).padStart(8, "0")}`);
    const body = ids.map((id, i) => claudeLine(id, SAMPLE_CALL, i === 4 ? "REJECT " : i === 7 ? "FLAKY " : "")).join("\n");
    await stack.put("oai/in.jsonl", body);
    const arn = await stack.create({ inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://recap/oai/in.jsonl" } } });
    const job = await stack.waitFor(arn, ["Completed", "Failed"]);
    expect(job).toMatchObject({ status: "Completed", successRecordCount: 11, errorRecordCount: 1 });

    const out = (await stack.text(`output/${arn.slice(-12)}/in.jsonl.out`)).trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((r) => r.recordId)).toEqual(ids);
    expect(out[0].modelOutput.content[0].text).toMatch(/^LLM says: \d+ chars$/);
    expect(out[0].modelOutput.usage).toEqual({ input_tokens: 321, output_tokens: 12 });
    expect(out[7].modelOutput.content[0].text).toMatch(/^LLM says/); // retried after 503
    expect(out[4].error).toEqual({ errorCode: 400, errorMessage: expect.stringContaining("context length exceeded") });
    const sent = received.find((b) => b.messages.at(-1)!.content.includes(SAMPLE_CALL.slice(0, 40)))!;
    expect(sent).toMatchObject({ model: "llama3.2:1b", max_tokens: 1024 });
    expect(sent.messages.map((m) => m.role)).toEqual(["user"]);
    const manifest = JSON.parse(await stack.text(`output/${arn.slice(-12)}/manifest.json.out`));
    expect(manifest).toMatchObject({ successRecordCount: 11, errorRecordCount: 1, inputTokenCount: 11 * 321, outputTokenCount: 11 * 12 });
  });
});
