// Finding the transcript in a prompt and who says what in it, whatever the labels.
import { describe, expect, it } from "vitest";
import { assignRoles } from "./roles";
import { parseTurns, splitPrompt } from "./transcript";

const CALL = "Agent: Thank you for calling Acme, my name is Sam. How can I help you today?\n\nCustomer: Hi, I'm calling because my order never arrived.\n\nAgent: I'm sorry. Could you confirm your account number?\n\nCustomer: It's 1234.";

describe("splitPrompt", () => {
  it("takes the last <transcript> block, not the tags a template names in prose", () => {
    const prompt = `Read the call between the <transcript> tags and summarize it.\nUse "refund" as a topic.\n\n<transcript>\n${CALL}\n</transcript>\nAnswer in JSON.`;
    const { transcript, instructions } = splitPrompt(prompt);
    expect(transcript.trim()).toBe(CALL);
    expect(instructions).toContain('Use "refund" as a topic.');
    expect(instructions).toContain("Answer in JSON.");
  });

  it("keeps a transcript that itself mentions <transcript> on the same line", () => {
    const prompt = `Summarize the <transcript> below.\n<transcript>\nCustomer: What is a <transcript> tag?\nAgent: A tag.\n</transcript>`;
    expect(splitPrompt(prompt).transcript).toBe("\nCustomer: What is a <transcript> tag?\nAgent: A tag.\n");
  });

  it("without tags, starts at the first recurring speaker label, lowercase or opaque", () => {
    const prompt = `Summarize this call. Note: be brief.\n\nspk_0: Thank you for calling.\nspk_1: My bill is wrong.\nspk_0: Let me check.`;
    expect(splitPrompt(prompt).transcript).toMatch(/^spk_0: Thank you for calling/);
    expect(splitPrompt(prompt).instructions).toBe("Summarize this call. Note: be brief.\n\n");
  });
});

describe("who is the agent", () => {
  const relabel = (a: string, c: string) => CALL.replaceAll("Agent:", `${a}:`).replaceAll("Customer:", `${c}:`);

  it.each([
    ["agent", "customer"],
    ["AGENT", "CUSTOMER"],
    ["spk_0", "spk_1"],
    ["ch_1", "ch_0"],
    ["Dana", "Lee"],
  ])("%s / %s", (a, c) => {
    expect(parseTurns(relabel(a, c)).map((t) => t.role)).toEqual(["agent", "customer", "agent", "customer"]);
  });

  it("the customer may speak first: the agent is whoever talks like one", () => {
    const customerFirst = "spk_0: Hi, I'm calling about my refund.\nspk_1: Thank you for calling, how can I help?\nspk_0: My refund never came.\nspk_1: Let me check. Could you verify your email?";
    expect(parseTurns(customerFirst).map((t) => t.role)).toEqual(["customer", "agent", "customer", "agent"]);
  });

  it("one named role decides the other; a third party beside both named roles is neither", () => {
    expect(assignRoles([{ speaker: "Agent", sentences: ["Hello."] }, { speaker: "spk_1", sentences: ["Hi."] }])).toEqual(["agent", "customer"]);
    expect(assignRoles([{ speaker: "Agent", sentences: ["Hi."] }, { speaker: "Customer", sentences: ["Hi."] }, { speaker: "Neighbor", sentences: ["Hi."] }])).toEqual(["agent", "customer", "other"]);
  });

  it("paragraphs without labels alternate, starting with the one that greets like an agent", () => {
    const turns = parseTurns("My order never arrived and I need help.\n\nThank you for calling Acme, how can I help you?\n\nIt was order 55.\n\nLet me check that for you.");
    expect(turns.map((t) => t.role)).toEqual(["customer", "agent", "customer", "agent"]);
    expect(parseTurns("One paragraph with no speakers at all. It says the bill was wrong.").map((t) => t.role)).toEqual(["other"]);
  });
});
