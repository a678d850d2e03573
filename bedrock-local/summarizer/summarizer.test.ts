// The built-in extractive summarizer on real transcripts: the AWS sample's inline quoted
// turns and the synthetic Oktank calls' `Speaker: utterance` paragraphs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REAL_INPUT, SAMPLE_CALL } from "../test-harness";
import { builtInAnswer, requestedKeys } from "./answer";
import { SummarizerPool } from "./pool";
import { summarizeTranscript } from "./summarize";
import { parseTurns, splitPrompt } from "./transcript";

const ZIP = path.resolve(__dirname, "../../../shared/data/aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip");
const call = (n: number) => execFileSync("unzip", ["-p", ZIP, `textual/${n}.txt`], { encoding: "utf8" });
const realPrompt = (JSON.parse(fs.readFileSync(REAL_INPUT, "utf8").split("\n")[0]!) as { modelInput: { messages: { content: { text: string }[] }[] } }).modelInput.messages[0]!.content[0]!.text;

describe("finding the transcript and its turns", () => {
  it("reads inline quoted turns from the AWS sample prompt", () => {
    const { transcript, instructions } = splitPrompt(realPrompt);
    expect(instructions.trim()).toBe("Summarize the following call transcript:");
    const turns = parseTurns(transcript);
    expect(turns).toHaveLength(13); // 7 agent turns, 6 customer turns
    expect(turns.map((t) => t.role)).toEqual(Array.from({ length: 13 }, (_, i) => (i % 2 === 0 ? "agent" : "customer")));
    expect(turns[0]).toMatchObject({ speaker: "Customer Service Agent", role: "agent" });
    expect(turns[1]).toMatchObject({ speaker: "Customer", role: "customer" });
  });

  it("reads Speaker: lines, drops stage directions and keeps field-like lines inside a turn", () => {
    const turns = parseTurns("Customer: *dials* Hi there.\n\nAgent: Hello! Order number: 12345 is on file.\nOrder number: 12345\n\nSupervisor: I can help.\n\nCustomer: Thanks.");
    expect(turns.map((t) => [t.speaker, t.role])).toEqual([["Customer", "customer"], ["Agent", "agent"], ["Supervisor", "agent"], ["Customer", "customer"]]);
    expect(turns[0]!.sentences).toEqual(["Hi there."]);
    expect(turns[1]!.sentences.join(" ")).toContain("Order number: 12345");
  });
});

describe("what the summary picks", () => {
  it("the reason, the agent's actions, the outcome and the follow-ups of the AWS sample call", () => {
    const s = summarizeTranscript(splitPrompt(realPrompt).transcript);
    expect(s.reason).toMatch(/coffee maker.*not working properly.*return it/);
    expect(s.agentActions.join(" ")).toMatch(/free return/);
    expect(s.outcome).toMatch(/^Resolved: .*refund will be processed within 2-3 business days/);
    expect(s.followUps.join(" ")).toMatch(/within 2-3 business days/);
    expect(s.topics.slice(0, 2)).toEqual(["return", "refund"]);
    expect(s.resolved).toBe(true);
  });

  it("a synthetic Oktank call about a wrong item", () => {
    const s = summarizeTranscript(call(460));
    expect(s.reason).toMatch(/return it and get a refund/);
    expect(s.agentActions.join(" ")).toMatch(/return shipping label/);
    expect(s.outcome).toMatch(/refund/);
    expect(s.topics).toEqual(expect.arrayContaining(["return", "refund"]));
    expect(JSON.stringify(s)).not.toMatch(/\{PASSWORD\}|\*typing\*/);
  });

  it("a summary of two or three sentences: who called about what, what the agent did, how it ended", () => {
    const s = summarizeTranscript(SAMPLE_CALL);
    expect(s.summary).toBe(
      'The customer called about payment and refund: "I was charged twice for my order last week and I need a refund for the duplicate charge." ' +
        "The agent arranged a refund. The call ended with the issue resolved and the customer satisfied.",
    );
    expect(s.outcome).toBe("Resolved: I've processed a refund for the duplicate charge. You will receive a confirmation email within the hour.");
  });

  it("action items are the agent's commitments, not the customer's plans or the agent looking things up", () => {
    const s = summarizeTranscript(
      "Agent: Thanks for calling, how can I help?\n\nCustomer: My router keeps dropping. I'll restart it tonight.\n\n" +
        "Agent: Let me check your line. I'll send a technician on Friday. We will credit this month within 48 hours.\n\nCustomer: Thanks.",
    );
    expect(s.followUps).toEqual(["I'll send a technician on Friday.", "We will credit this month within 48 hours."]);
  });

  it("reads the sentiment of the customer, not of the agent, at the start and at the end", () => {
    const angry = summarizeTranscript("Agent: Happy to help, great question!\n\nCustomer: This is unacceptable. I'm so frustrated and upset, the device is broken again.\n\nAgent: I'm sorry.\n\nCustomer: Terrible.");
    expect(angry.sentiment).toBe("negative");
    const turned = summarizeTranscript(SAMPLE_CALL.replace("Hi, I was charged", "Hi, this is ridiculous and I'm angry. I was charged"));
    expect([turned.sentimentStart, turned.sentimentEnd, turned.sentiment]).toEqual(["negative", "positive", "positive"]);
  });

  it("an unresolved call says so", () => {
    const s = summarizeTranscript(
      "Agent: Thank you for calling, how can I help?\n\nCustomer: My card was declined when I tried to pay.\n\nAgent: I've checked your account and I don't see a problem on our side. I'd recommend contacting your card issuer.\n\nCustomer: Okay, I'll call them.",
    );
    expect(s.resolved).toBe(false);
    expect(s.summary).toMatch(/issue still open/);
  });
});

describe("the answer's form follows the prompt", () => {
  it("JSON with the keys of an example object, arrays where the example shows arrays", () => {
    const wanted = requestedKeys(`Return {"issue": "...", "next_steps": ["..."], "mood": "..."}`, "");
    expect(wanted?.keys).toEqual(["issue", "next_steps", "mood"]);
    expect([...wanted!.arrays]).toEqual(["next_steps"]);
    const answer = JSON.parse(builtInAnswer(`Return JSON like {"issue": "...", "next_steps": ["..."], "mood": "..."}\n<transcript>\n${SAMPLE_CALL}\n</transcript>`));
    expect(answer.issue).toMatch(/charged twice/);
    expect(Array.isArray(answer.next_steps)).toBe(true);
    expect(answer.mood).toBe("positive");
  });

  it("JSON with keys listed in prose, and Recap's keys when JSON is asked for without names", () => {
    const listed = JSON.parse(builtInAnswer(`Respond in JSON with "summary", "reason_for_call" and "topics" (array).\n<transcript>\n${SAMPLE_CALL}\n</transcript>`));
    expect(Object.keys(listed)).toEqual(["summary", "reason_for_call", "topics"]);
    expect(Array.isArray(listed.topics)).toBe(true);
    const bare = JSON.parse(builtInAnswer(`Summarize as JSON.\n<transcript>\n${SAMPLE_CALL}\n</transcript>`));
    expect(Object.keys(bare)).toEqual(["summary", "reason_for_call", "resolution", "customer_sentiment", "action_items", "topics"]);
  });

  it("prose when the prompt does not ask for JSON, the same every time", () => {
    const a = builtInAnswer(realPrompt);
    expect(a).toMatch(/^Summary: The customer called about return and refund: /);
    expect(a).toMatch(/\nCustomer sentiment: (positive|neutral|negative|mixed)/);
    expect(builtInAnswer(realPrompt)).toBe(a);
  });
});

describe("worker threads", () => {
  const pool = new SummarizerPool(1);
  afterAll(() => pool.close());
  it("answer exactly as the inline summarizer does", async () => {
    const prompts = [realPrompt, `Summarize as JSON.\n<transcript>\n${call(7)}\n</transcript>`];
    expect(await Promise.all(prompts.map((p) => pool.answer(p)))).toEqual(prompts.map(builtInAnswer));
    expect(pool.usingWorkers).toBe(true);
  });
});
