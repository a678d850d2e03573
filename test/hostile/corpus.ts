// The hostile-input corpus: what is sent to POST /api/uploads and what the route must answer.
// Small inputs live in files/; bombs and broken archives are built here, at test time.
import fs from "node:fs";
import path from "node:path";
import { buildZip, repeated } from "./zip-writer";

const MB = 1024 * 1024;
const file = (name: string) => fs.readFileSync(path.join(__dirname, "files", name));

export type HostileCase = {
  name: string;
  fileName: string;
  body: () => Buffer;
  /** query parameters besides fileName (which may be overridden here too) */
  query?: Record<string, string>;
  /** header changes: a value replaces the right one, null leaves the header out */
  headers?: Record<string, string | null>;
  status: number;
  message: RegExp;
  /** for 201s: what was kept */
  accepted?: number;
  problems?: { line: number; code: string }[];
};

const calls = "Agent: Thank you for calling, how can I help?\nCustomer: My parcel never arrived.\n";
const smallZip = () => buildZip([{ name: "a.txt", data: calls.repeat(200) }]);

export const HOSTILE_CASES: HostileCase[] = [
  // --- zip bombs (issue 8 item 1): refused by what they unpack to, with the limit named
  {
    name: "deflate bomb: 16 MB of JSONL lines packed 1000:1, header claiming 1 KB",
    fileName: "lines.zip",
    body: () => buildZip([{ name: "calls.jsonl", data: () => repeated(`{"id":"c","transcript":"","pad":"${"x".repeat(4000)}"}\n`, 16 * MB), claimSize: 1024 }]),
    status: 413,
    message: /^lines\.zip: "calls\.jsonl" is compressed more than 200:1 \(a zip bomb/,
  },
  {
    // parsing stops at the first byte, long before any limit: what matters is a clear 4xx, fast
    name: "deflate bomb: 300 MB of zeros in ~300 KB, header claiming 1 KB",
    fileName: "zeros.zip",
    body: () => buildZip([{ name: "calls.json", data: () => repeated(Buffer.alloc(1), 300 * MB), claimSize: 1024 }]),
    status: 400,
    message: /^No usable transcripts\. calls\.json is not valid JSON \(line 1: /,
  },
  {
    name: "450 MB of repeated JSON, header honest",
    fileName: "json-bomb.zip",
    body: () => buildZip([{ name: "calls.json", data: () => repeated('{"id":"c","transcript":"Agent: hello, how can I help?"},', 450 * MB) }]),
    status: 413,
    message: /"calls\.json" says it unpacks to 450 MB, more than 200 MB, the limit for one file in a \.zip/,
  },
  {
    name: "600 MB of text, header lying",
    fileName: "text-bomb.zip",
    body: () => buildZip([{ name: "call.txt", data: () => repeated("Agent: blah blah blah. ", 600 * MB), claimSize: 4000 }]),
    status: 400, // the per-file text cap comes first (the 500 "Invalid string length" of issue 8)
    message: /^No usable transcripts\. call\.txt is larger than 8 MB, the most one text transcript may be/,
  },
  // --- broken archives: 400 saying what is wrong, never "Something went wrong"
  { name: "entry escaping with ../", fileName: "dots.zip", body: () => buildZip([{ name: "../x.txt", data: calls }]), status: 400, message: /^dots\.zip is not a readable \.zip: the entry "\.\.\/x\.txt" points outside the archive/ },
  { name: "entry with an absolute path", fileName: "abs.zip", body: () => buildZip([{ name: "/abs.txt", data: calls }]), status: 400, message: /the entry "\/abs\.txt" has an absolute path/ },
  { name: "entry escaping with ..\\", fileName: "back.zip", body: () => buildZip([{ name: "..\\x.txt", data: calls }]), status: 400, message: /points outside the archive/ },
  { name: "a CSV named .zip", fileName: "fake.zip", body: () => file("not-a-zip.zip"), status: 400, message: /^fake\.zip is not a readable \.zip: it has no zip directory/ },
  { name: "a truncated zip", fileName: "cut.zip", body: () => smallZip().subarray(0, 200), status: 400, message: /^cut\.zip is not a readable \.zip: it has no zip directory/ },
  {
    name: "a zip with garbled deflate data",
    fileName: "garbled.zip",
    body: () => {
      const z = Buffer.from(smallZip());
      for (let i = 40; i < 80; i++) z[i] ^= 0x5a;
      return z;
    },
    status: 400,
    message: /^garbled\.zip is not a readable \.zip: "a\.txt" cannot be unpacked/,
  },
  // --- oversized single records (issue 8 item 1): a clear TOO_LONG, never a RangeError
  { name: "a 9 MB plain-text transcript", fileName: "huge.txt", body: () => Buffer.from("Agent: " + "blah ".repeat((9 * MB) / 5)), status: 400, message: /^No usable transcripts\. huge\.txt is larger than 8 MB, the most one text transcript may be/ },
  { name: "broken JSON", fileName: "broken.json", body: () => file("broken.json"), status: 400, message: /^No usable transcripts\. broken\.json is not valid JSON \(line 3: / },
  // --- NUL and encodings (issue 8 item 6)
  {
    name: "UTF-16 LE CSV without a BOM", fileName: "utf16.csv", body: () => file("utf16le-no-bom.csv"), status: 201, message: /.*/, accepted: 2, problems: [],
  },
  {
    name: "NUL in a transcript", fileName: "nul.csv", body: () => file("nul-in-transcript.csv"), status: 201, message: /.*/, accepted: 1, problems: [{ line: 3, code: "BAD_ENCODING" }],
  },
  { name: "NUL in fileName", fileName: "a\0.csv", body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /"fileName" contains a NUL character/ },
  { name: "NUL in name", fileName: "a.csv", query: { name: "x\0y" }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /"name" contains a NUL character/ },
  { name: "NUL in textColumn", fileName: "a.csv", query: { textColumn: "tr\0" }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /"textColumn" contains a NUL/ },
  // --- line endings (issue 9 item 5)
  { name: "CSV with CRLF and CR inside quoted fields", fileName: "crlf.csv", body: () => file("crlf-in-quotes.csv"), status: 201, message: /.*/, accepted: 2, problems: [] },
  { name: "JSON with \\r\\n escapes", fileName: "crlf.json", body: () => file("crlf-escapes.json"), status: 201, message: /.*/, accepted: 1, problems: [] },
  // --- forged uploads (issue 8 items 5 and 10)
  { name: "no X-Recap-Size", fileName: "a.csv", headers: { "x-recap-size": null }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /^The X-Recap-Size header is missing/ },
  { name: "non-numeric X-Recap-Size", fileName: "a.csv", headers: { "x-recap-size": "12abc" }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /^The X-Recap-Size header must be the file's size in bytes \(a whole number\), not "12abc"/ },
  { name: "no X-Recap-Sha256", fileName: "a.csv", headers: { "x-recap-sha256": null }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /^The X-Recap-Sha256 header is missing/ },
  { name: "a malformed X-Recap-Sha256", fileName: "a.csv", headers: { "x-recap-sha256": "abc" }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /SHA-256 as 64 hex digits/ },
  { name: "a wrong X-Recap-Sha256", fileName: "a.csv", headers: { "x-recap-sha256": "0".repeat(64) }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /checksum does not match/ },
  { name: "an X-Recap-Size that is not the body's", fileName: "a.csv", headers: { "x-recap-size": "5" }, body: () => Buffer.from("id,transcript\n1,A: b\n"), status: 400, message: /^The upload is larger than announced: more than the 5 bytes/ },
];
