// The role heuristic against real calls with their labels hidden: the 1,100 synthetic calls (the
// phrases were tuned on them, so this guards against regressions) and the real Call Analytics call.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectText, decodeText } from "./decode";
import { parseTurns } from "./parse-text";
import { readZipEntries } from "./read-zip";
import { canonicalRole, guessRoles } from "./roles";
import { DATA } from "../../test/fixtures/streams";

describe("guessRoles on real calls with the labels hidden", () => {
  it("finds the Agent in every two-speaker synthetic call, although the Customer always speaks first there", async () => {
    let calls = 0;
    const wrong: string[] = [];
    for await (const e of readZipEntries(`${DATA}aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip`)) {
      const turns = parseTurns((await collectText(decodeText(e.source))).replace(/\r\n?/g, "\n"))?.filter((t) => t.speaker);
      const speakers = new Set(turns?.map((t) => t.speaker));
      if (!turns || speakers.size !== 2 || !speakers.has("Agent") || !speakers.has("Customer")) continue;
      calls++;
      const hidden = turns.map((t) => ({ speaker: t.speaker === "Agent" ? "spk_1" : "spk_0", text: t.text }));
      expect(hidden[0].speaker).toBe("spk_0");
      if (guessRoles(hidden).spk_1 !== "Agent") wrong.push(e.name);
    }
    expect(calls).toBe(1033);
    expect(wrong).toEqual([]);
  }, 60_000);

  it("finds the Agent of the real Call Analytics call from its words alone", () => {
    const doc = JSON.parse(readFileSync(`${DATA}transcribe-call-analytics-example/example-call.json`, "utf8"));
    const hidden = doc.Transcript.map((s: { ParticipantRole: string; Content: string }) => ({ speaker: s.ParticipantRole === "AGENT" ? "ch_0" : "ch_1", text: s.Content }));
    expect(guessRoles(hidden)).toEqual({ ch_0: "Agent", ch_1: "Customer" });
  });

  it("spells any case of a role one way and keeps names", () => {
    expect(["AGENT", "agent", "Caller", "CUSTOMER", "rep", "Ann"].map(canonicalRole)).toEqual(["Agent", "Agent", "Customer", "Customer", "Agent", "Ann"]);
  });
});
