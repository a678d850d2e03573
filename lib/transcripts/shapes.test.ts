// Real producers' shapes, read with the right roles, ids and names (issue 9 items 2 and 3).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTranscripts, type ParseOptions } from "./parse-transcripts";
import { formatLabel } from "./shape";
import { guessRoles } from "./roles";
import type { ParseNotes } from "./types";
import { chunked, collect, DATA } from "../../test/fixtures/streams";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/shapes/${name}`, import.meta.url));

async function parse(input: Uint8Array | string, opts: ParseOptions) {
  const notes: ParseNotes = {};
  const results = await collect(parseTranscripts(chunked(input, 97), { ...opts, notes }));
  return { accepted: results.flatMap((r) => (r.ok ? [r.value] : [])), problems: results.flatMap((r) => (r.ok ? [] : [r.error])), notes };
}

describe("speaker roles", () => {
  it("Contact Lens: opaque ParticipantIds become Agent / Customer from Participants, the ContactId is the call id", async () => {
    const { accepted, problems, notes } = await parse(fixture("contact-lens.json"), { fileName: "contact-lens.json" });
    expect(problems).toEqual([]);
    const [call] = accepted;
    expect(call.callId).toBe("7d1c2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f");
    expect(call.turns!.map((t) => t.speaker)).toEqual(["Agent", "Customer", "Agent", "Customer"]);
    expect(call.text).not.toContain("4f2a9c1e");
    expect(call.text.split("\n")[1]).toBe("Customer: Hi, my bill doubled this month and I don't know why.");
    expect(formatLabel(notes)).toBe("Contact Lens");
  });

  it("Contact Lens without a Participants map: opaque ids never become speakers, roles are guessed", async () => {
    const doc = JSON.parse(fixture("contact-lens.json").toString());
    delete doc.Participants;
    const { accepted } = await parse(JSON.stringify(doc), { fileName: "cl.json" });
    expect(accepted[0].turns!.map((t) => t.speaker)).toEqual(["Agent", "Customer", "Agent", "Customer"]);
    expect(accepted[0].text).not.toMatch(/4f2a9c1e|b83e6d07/);
    expect(accepted[0].metadata).toMatchObject({ source: "contact-lens", rolesFrom: "heuristic" });
  });

  it("Call Analytics (real example-call.json): ParticipantRole becomes Agent / Customer, shown as Transcribe Call Analytics", async () => {
    const { accepted, notes } = await parse(readFileSync(`${DATA}transcribe-call-analytics-example/example-call.json`), { fileName: "example-call.json" });
    expect(accepted[0].text.split("\n")[0]).toMatch(/^Agent: Thank you for calling Anchor Credit Union/);
    expect(accepted[0].turns!.filter((t) => t.speaker === "Customer")).toHaveLength(18);
    expect(formatLabel(notes)).toBe("Transcribe Call Analytics");
  });

  it("standard Transcribe: spk_N becomes Agent / Customer by who greets with the company's phrasing, not by who speaks first", async () => {
    const { accepted, notes } = await parse(fixture("transcribe-speakers.json"), { fileName: "transcribe-speakers.json" });
    const [call] = accepted;
    expect(call.callId).toBe("contoso-call-17");
    expect(call.turns!.map((t) => t.speaker)).toEqual(["Customer", "Agent", "Customer", "Agent"]);
    expect(call.text.split("\n")[1]).toBe("Agent: Hi, thank you for calling Contoso Internet, my name is Sam, how can I help you today?");
    expect(call.metadata).toMatchObject({ roles: { spk_0: "Customer", spk_1: "Agent" }, rolesFrom: "heuristic" });
    expect(formatLabel(notes)).toBe("Amazon Transcribe");
    expect(notes.hasRoles).toBe(true);
  });

  it("standard Transcribe with channel identification: ch_N becomes Agent / Customer too", async () => {
    const word = (content: string, t: number) => ({ type: "pronunciation", start_time: String(t), end_time: String(t + 0.2), alternatives: [{ content }] });
    const doc = {
      jobName: "channels-1",
      results: {
        transcripts: [{ transcript: "..." }],
        channel_labels: {
          number_of_channels: 2,
          channels: [
            { channel_label: "ch_0", items: ["my", "card", "was", "declined"].map((w, k) => word(w, 2 + k * 0.2)) },
            { channel_label: "ch_1", items: ["thanks", "for", "calling", "how", "can", "I", "help"].map((w, k) => word(w, k * 0.2)) },
          ],
        },
      },
    };
    const { accepted } = await parse(JSON.stringify(doc), { fileName: "channels.json" });
    expect(accepted[0].text).toBe("Agent: thanks for calling how can I help\nCustomer: my card was declined");
  });

  it("the uploader's swap turns Agent into Customer and back, in the turns and the text", async () => {
    const { accepted } = await parse(fixture("transcribe-speakers.json"), { fileName: "t.json", swapRoles: true });
    expect(accepted[0].turns!.map((t) => t.speaker)).toEqual(["Agent", "Customer", "Agent", "Customer"]);
    expect(accepted[0].text.split("\n")[1]).toMatch(/^Customer: Hi, thank you for calling Contoso/);
  });

  it("with no signal at all the first speaker is the Agent; a third speaker keeps a neutral name", () => {
    const roles = guessRoles([
      { speaker: "ch_0", text: "Hello." },
      { speaker: "ch_1", text: "Hello." },
      { speaker: "ch_2", text: "Hi." },
    ]);
    expect(roles).toEqual({ ch_0: "Agent", ch_1: "Customer", ch_2: "Speaker 3" });
  });
});

describe("more shapes", () => {
  it("PCA parsed output: SpeechSegments named by SpeakerLabels (Caller is the Customer), the job name is the call id", async () => {
    const { accepted, problems, notes } = await parse(fixture("pca.json"), { fileName: "pca.json" });
    expect(problems).toEqual([]);
    const [call] = accepted;
    expect(call.callId).toBe("pca-2026-11-30-call-0042");
    expect(call.text).toBe(
      "Agent: Thanks for calling, how may I help?\nCustomer: I was charged twice for my order.\nAgent: I see the duplicate charge; I have refunded it.",
    );
    expect(call.metadata).toMatchObject({ source: "pca", rolesFrom: "labels", categories: ["Billing"] });
    expect(formatLabel(notes)).toBe("Transcribe Post Call Analytics (PCA)");
  });

  it("a JSONL list of turns keeps conversation_id and spells roles one way whatever their case", async () => {
    const { accepted, problems } = await parse(fixture("turns.jsonl"), { fileName: "turns.jsonl" });
    expect(problems).toEqual([]);
    expect(accepted.map((c) => c.callId)).toEqual(["conv-1", "conv-2"]);
    expect(accepted[0].text).toBe("Agent: Good morning, how can I help?\nCustomer: My package never arrived.");
    expect(accepted[1].turns!.map((t) => t.speaker)).toEqual(["Agent", "Customer"]);
  });

  it("a refused PCA file is told about SpeechSegments, not to add a transcript field", async () => {
    const { problems } = await parse(JSON.stringify({ ConversationAnalytics: { GUID: "x" } }), { fileName: "pca-header.json" });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('no "SpeechSegments" list');
    expect(problems[0].message).not.toContain('Add a "transcript"');
  });

  it("a Transcribe job description is told to fetch TranscriptFileUri", async () => {
    const { problems } = await parse(JSON.stringify({ TranscriptionJob: { TranscriptionJobName: "j", Transcript: { TranscriptFileUri: "https://x" } } }), { fileName: "job.json" });
    expect(problems[0].message).toContain("TranscriptFileUri");
  });
});
