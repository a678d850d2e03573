import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readZipEntries } from "@/lib/transcripts/read-zip";
import { parseTranscriptFiles } from "@/lib/transcripts";
import { crc32, storeZip } from "./store-zip";

async function text(source: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const c of source) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

describe("storeZip", () => {
  it("computes the standard CRC-32, also chunk by chunk", () => {
    const bytes = new TextEncoder().encode("123456789");
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
  });

  it("packs files the server's zip reader gets back byte for byte, names in UTF-8", async () => {
    const files = [
      { name: "call-001.txt", data: new Blob(["Agent: Hello.\nCustomer: My router is broken.\n"]) },
      { name: "appel-é.txt", data: new Blob(["Agent: Bonjour.\nCustomer: Où est ma facture ?\n"]) },
    ];
    const zip = Buffer.from(await (await storeZip(files)).arrayBuffer());
    const out: { name: string; text: string }[] = [];
    for await (const e of readZipEntries(new Uint8Array(zip))) out.push({ name: e.name, text: await text(e.source) });
    expect(out).toEqual([
      { name: "call-001.txt", text: "Agent: Hello.\nCustomer: My router is broken.\n" },
      { name: "appel-é.txt", text: "Agent: Bonjour.\nCustomer: Où est ma facture ?\n" },
    ]);
    expect(createHash("sha256").update(zip).digest("hex")).toHaveLength(64);
  });

  it("gives one dataset's worth of transcripts through the same parser the upload route uses", async () => {
    const zip = new Uint8Array(await (await storeZip([
      { name: "a.txt", data: new Blob(["Agent: Hi.\nCustomer: Bill question.\n"]) },
      { name: "b.txt", data: new Blob(["Agent: Hi.\nCustomer: Cancel please.\n"]) },
    ])).arrayBuffer());
    const ids: string[] = [];
    for await (const r of parseTranscriptFiles(readZipEntries(zip))) if (r.ok) ids.push(r.value.callId);
    expect(ids).toEqual(["a", "b"]);
  });
});
