// Node-only: the entries of a .zip of transcripts, one at a time, for parseTranscriptFiles.
// Kept apart from the isomorphic modules so the browser bundle never pulls in yauzl or fs.
// A .zip is untrusted: its headers can lie, so what it unpacks to is counted while inflating,
// and a bomb is refused (QUOTA) with the limit it broke; a broken archive is a VALIDATION error.
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";

export type ZipEntrySource = { name: string; source: AsyncIterable<Uint8Array> };

export type ZipLimits = {
  /** bytes all entries may unpack to together */
  totalBytes: number;
  /** bytes one entry may unpack to */
  entryBytes: number;
  /** entries (files and folders) in the archive */
  entries: number;
  /** unpacked / packed bytes of one entry, checked once it has unpacked `ratioAfterBytes` */
  ratio: number;
  ratioAfterBytes: number;
};

const MB = 1024 * 1024;
// One entry may hold what one plain upload may (200 MB); real transcripts pack 3-20:1.
export const ZIP_LIMITS: ZipLimits = { totalBytes: 1024 * MB, entryBytes: 200 * MB, entries: 10_000, ratio: 200, ratioAfterBytes: 4 * MB };

// Folders, macOS resource forks and hidden files are not transcripts.
const skipped = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\./.test(name);

const mb = (n: number) => `${Math.round(n / MB)} MB`;
const bad = (label: string, what: string) =>
  new AppError("VALIDATION", `${label} is not a readable .zip: ${what}. Create the archive again (zip, Finder's "Compress", or Windows' "Send to > Compressed folder") and upload it.`);

// yauzl's messages, in words a user can act on.
function zipProblem(label: string, err: Error): AppError {
  const m = err.message;
  const name = /: (.*)$/.exec(m)?.[1] ?? "";
  if (/^invalid relative path/.test(m)) return bad(label, `the entry "${name}" points outside the archive (it contains "..")`);
  if (/^absolute path/.test(m)) return bad(label, `the entry "${name}" has an absolute path`);
  if (/^invalid characters in fileName/.test(m)) return bad(label, `the entry "${name}" contains a backslash; zip entry names use "/"`);
  if (/end of central directory record signature not found/i.test(m)) return bad(label, "it has no zip directory (it is not a zip file, or it was cut short)");
  if (/too many bytes in the stream/.test(m)) return bad(label, "an entry unpacks to more bytes than its header claims (a corrupt or crafted archive)");
  if (/unsupported compression method|encrypted/.test(m)) return bad(label, `${m} (only unencrypted "deflate" or "store" entries can be read)`);
  return bad(label, m);
}

// yauzl's own size check is off: the counting below does it, and names the limit it hits.
const OPTIONS = { lazyEntries: true, validateEntrySizes: false };

function openZip(input: string | Uint8Array, label: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: ZipFile) => (err ? reject(zipProblem(label, err)) : resolve(zip));
    if (typeof input === "string") yauzl.open(input, OPTIONS, done);
    else yauzl.fromBuffer(Buffer.from(input.buffer, input.byteOffset, input.byteLength), OPTIONS, done);
  });
}

function nextEntry(zip: ZipFile, label: string): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
    zip.once("entry", (e: Entry) => (cleanup(), resolve(e)));
    zip.once("end", () => (cleanup(), resolve(undefined)));
    zip.once("error", (err: Error) => (cleanup(), reject(zipProblem(label, err))));
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry, label: string): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(zipProblem(label, err)) : resolve(s))),
  );
}

type Counter = { total: number };

/** The entry's bytes, counted as they inflate: the limits are checked on what arrives, not on the header. */
async function* counted(stream: Readable, entry: Entry, label: string, limits: ZipLimits, counter: Counter): AsyncIterable<Uint8Array> {
  const name = entry.fileName;
  const refuse = (what: string) =>
    new AppError("QUOTA", `${label}: "${name}" ${what}. Unpack the archive and upload its files in smaller .zip files.`);
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      counter.total += chunk.length;
      if (bytes > limits.entryBytes) throw refuse(`unpacks to more than ${mb(limits.entryBytes)}, the limit for one file in a .zip`);
      if (counter.total > limits.totalBytes) throw refuse(`takes the archive past ${mb(limits.totalBytes)} unpacked, the limit for one .zip`);
      if (bytes > limits.ratioAfterBytes && bytes / Math.max(1, entry.compressedSize) > limits.ratio) {
        throw refuse(`is compressed more than ${limits.ratio}:1 (a zip bomb, or data no transcript looks like)`);
      }
      yield chunk;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as Error;
    if (/too many bytes/.test(err.message)) throw zipProblem(label, err);
    throw bad(label, `"${name}" cannot be unpacked (${err.message}); the archive is damaged or cut short`);
  } finally {
    stream.destroy();
  }
}

/** Streams a zip's files in archive order; read each entry's source before asking for the next. */
export async function* readZipEntries(
  input: string | Uint8Array,
  opts: { label?: string; limits?: Partial<ZipLimits> } = {},
): AsyncIterable<ZipEntrySource> {
  const label = opts.label ?? "The .zip";
  const limits = { ...ZIP_LIMITS, ...opts.limits };
  const zip = await openZip(input, label);
  try {
    if (zip.entryCount > limits.entries) {
      throw new AppError("QUOTA", `${label} holds ${zip.entryCount} entries; a .zip may hold at most ${limits.entries}. Split it into several archives.`);
    }
    const counter: Counter = { total: 0 };
    for (let entry = await nextEntry(zip, label); entry; entry = await nextEntry(zip, label)) {
      if (skipped(entry.fileName)) continue;
      if (entry.uncompressedSize > limits.entryBytes) {
        throw new AppError("QUOTA", `${label}: "${entry.fileName}" says it unpacks to ${mb(entry.uncompressedSize)}, more than ${mb(limits.entryBytes)}, the limit for one file in a .zip. Upload it on its own or split it.`);
      }
      yield { name: entry.fileName, source: counted(await openEntry(zip, entry, label), entry, label, limits, counter) };
    }
  } finally {
    zip.close();
  }
}
