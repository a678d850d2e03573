// The 1,100 synthetic calls behind the Bedrock batch launch article (../shared/data), for tests.
import path from "node:path";
import { readZipEntries } from "@/lib/transcripts/read-zip";

export const SYNTHETIC_ZIP = path.resolve(__dirname, "../../shared/data/aws-bedrock-samples-synthetic-calls/synthetic_call_transcript_data.zip");

/** The first `count` calls as {callId, text}, in file-number order. */
export async function syntheticCalls(count: number): Promise<{ callId: string; text: string }[]> {
  const calls: { callId: string; text: string }[] = [];
  const decoder = new TextDecoder();
  for await (const entry of readZipEntries(SYNTHETIC_ZIP)) {
    const m = /(\d+)\.txt$/.exec(entry.name);
    if (!m) continue;
    let text = "";
    for await (const chunk of entry.source) text += decoder.decode(chunk, { stream: true });
    calls.push({ callId: `call-${m[1]}`, text: text + decoder.decode() });
  }
  calls.sort((a, b) => Number(a.callId.slice(5)) - Number(b.callId.slice(5)));
  return calls.slice(0, count);
}

/** A CSV of calls as a contact-center export would have it: quoted, with newlines inside fields. */
export function toCsv(calls: { callId: string; text: string }[]): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return "call_id,agent,transcript\n" + calls.map((c, i) => `${c.callId},agent-${i % 7},${quote(c.text)}`).join("\n") + "\n";
}
