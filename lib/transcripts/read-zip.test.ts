// Hostile .zip files: bombs are refused by what they inflate to (not what their headers claim),
// broken archives and escaping entry names get a message that says what is wrong.
import { describe, expect, it } from "vitest";
import { buildZip, repeated } from "@/test/hostile/zip-writer";
import { readZipEntries, type ZipLimits } from "./read-zip";
import { parseTranscriptFiles } from "./parse-transcripts";
import { collect } from "../../test/fixtures/streams";

const MB = 1024 * 1024;

async function drain(zip: Buffer, limits?: Partial<ZipLimits>) {
  const out: { name: string; bytes: number }[] = [];
  for await (const e of readZipEntries(new Uint8Array(zip), { label: "calls.zip", limits })) {
    let bytes = 0;
    for await (const c of e.source) bytes += c.length;
    out.push({ name: e.name, bytes });
  }
  return out;
}

describe("readZipEntries against hostile archives", () => {
  it("reads a well-formed deflated archive", async () => {
    const zip = buildZip([{ name: "a.txt", data: "Agent: hi\nCustomer: hello\n" }, { name: "dir/", data: "" }, { name: "b.txt", data: "Agent: bye\n", method: "store" }]);
    expect(await drain(zip)).toEqual([{ name: "a.txt", bytes: 26 }, { name: "b.txt", bytes: 11 }]);
  });

  it("refuses a deflate bomb of zeros whose header lies, counting what it inflates to", async () => {
    // 300 MB of zeros in ~300 KB; the header claims 1 KB, so only inflating tells the truth
    const zip = buildZip([{ name: "calls.json", data: () => repeated(Buffer.alloc(1), 300 * MB), claimSize: 1024 }]);
    expect(zip.length).toBeLessThan(1 * MB);
    await expect(drain(zip)).rejects.toMatchObject({ code: "QUOTA", message: expect.stringContaining('calls.zip: "calls.json" is compressed more than 200:1') });
    await expect(drain(zip, { ratio: 1e9 })).rejects.toMatchObject({ code: "QUOTA", message: expect.stringContaining('"calls.json" unpacks to more than 200 MB, the limit for one file in a .zip') });
  });

  it("refuses early an entry whose header honestly claims more than the limit", async () => {
    const zip = buildZip([{ name: "big.txt", data: () => repeated("Agent: hi ", 3 * MB) }]);
    await expect(drain(zip, { entryBytes: 2 * MB })).rejects.toMatchObject({ code: "QUOTA", message: expect.stringContaining('"big.txt" says it unpacks to 3 MB, more than 2 MB') });
  });

  it("refuses an honest bomb of repeated JSON by the per-entry limit, the total and the ratio", async () => {
    const unit = '{"id":"c","transcript":"Agent: hello there, how can I help you today?"},';
    const zip = buildZip([{ name: "big.json", data: () => repeated(unit, 40 * MB), claimSize: 1000 }]);
    await expect(drain(zip, { entryBytes: 16 * MB, ratio: 1e9 })).rejects.toMatchObject({
      code: "QUOTA", message: expect.stringContaining('calls.zip: "big.json" unpacks to more than 16 MB, the limit for one file in a .zip'),
    });
    await expect(drain(zip, { ratioAfterBytes: 1 * MB })).rejects.toMatchObject({
      code: "QUOTA", message: expect.stringContaining("is compressed more than 200:1"),
    });
    const two = buildZip([{ name: "a.json", data: () => repeated(unit, 10 * MB) }, { name: "b.json", data: () => repeated(unit, 10 * MB) }]);
    await expect(drain(two, { totalBytes: 15 * MB, ratio: 1e9 })).rejects.toMatchObject({
      code: "QUOTA", message: expect.stringContaining('"b.json" takes the archive past 15 MB unpacked, the limit for one .zip'),
    });
  });

  it("refuses an archive with more entries than allowed before reading any", async () => {
    const zip = buildZip(Array.from({ length: 12 }, (_, i) => ({ name: `${i}.txt`, data: "A: b" })));
    await expect(drain(zip, { entries: 10 })).rejects.toMatchObject({ code: "QUOTA", message: expect.stringContaining("holds 12 entries; a .zip may hold at most 10") });
  });

  it.each([
    ["../x.txt", /the entry "\.\.\/x\.txt" points outside the archive/],
    ["/abs.txt", /the entry "\/abs\.txt" has an absolute path/],
    // yauzl reads "\\" as "/" (Windows zip tools write it), so this one escapes like "../x.txt"
    ["..\\x.txt", /the entry "\.\.\/x\.txt" points outside the archive/],
  ])("refuses an entry named %s", async (name, message) => {
    await expect(drain(buildZip([{ name, data: "A: b" }]))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(message) });
  });

  it("refuses a non-zip, a truncated zip and garbled deflate data with what is wrong", async () => {
    await expect(drain(Buffer.from("id,transcript\n1,hello\n"))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("it has no zip directory (it is not a zip file, or it was cut short)") });
    const good = buildZip([{ name: "a.txt", data: "Agent: hello\n".repeat(1000) }]);
    await expect(drain(good.subarray(0, good.length - 30))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("no zip directory") });
    const garbled = Buffer.from(good);
    for (let i = 30 + 5; i < 30 + 5 + 40; i++) garbled[i] ^= 0x5a; // inside the deflate data
    await expect(drain(garbled)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/"a\.txt" cannot be unpacked .*damaged or cut short/) });
  });

  it("a bomb inside parseTranscriptFiles ends in the same clear error, not a RangeError", async () => {
    const zip = buildZip([{ name: "calls.txt", data: () => repeated("Agent: blah ", 20 * MB), claimSize: 100 }]);
    const run = collect(parseTranscriptFiles(readZipEntries(new Uint8Array(zip), { label: "calls.zip", limits: { entryBytes: 8 * MB, ratio: 1e9 } })));
    await expect(run).rejects.toMatchObject({ code: "QUOTA", message: expect.stringContaining("unpacks to more than 8 MB") });
  });
});
