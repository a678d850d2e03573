// Node-only: the entries of a .zip of transcripts, one at a time, for parseTranscriptFiles.
// Kept apart from the isomorphic modules so the browser bundle never pulls in yauzl or fs.
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { Readable } from "node:stream";

export type ZipEntrySource = { name: string; source: AsyncIterable<Uint8Array> };

// Folders, macOS resource forks and hidden files are not transcripts.
const skipped = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\./.test(name);

function openZip(input: string | Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: ZipFile) => (err ? reject(err) : resolve(zip));
    if (typeof input === "string") yauzl.open(input, { lazyEntries: true }, done);
    else yauzl.fromBuffer(Buffer.from(input.buffer, input.byteOffset, input.byteLength), { lazyEntries: true }, done);
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => zip.removeAllListeners("entry").removeAllListeners("end").removeAllListeners("error");
    zip.once("entry", (e: Entry) => (cleanup(), resolve(e)));
    zip.once("end", () => (cleanup(), resolve(undefined)));
    zip.once("error", (err: Error) => (cleanup(), reject(err)));
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
}

/** Streams a zip's files in archive order; read each entry's source before asking for the next. */
export async function* readZipEntries(input: string | Uint8Array): AsyncIterable<ZipEntrySource> {
  const zip = await openZip(input);
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (skipped(entry.fileName)) continue;
      yield { name: entry.fileName, source: await openEntry(zip, entry) };
    }
  } finally {
    zip.close();
  }
}
