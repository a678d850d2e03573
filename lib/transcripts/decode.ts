// Bytes -> text for any chunking of the input. UTF-8 is decoded strictly so that invalid bytes
// are reported (by the row they fall in) instead of silently becoming U+FFFD. Line endings leave
// here as LF only (CRLF and lone CR are rewritten), so no parser and no summarizer meets a "\r".

export type DecodeState = {
  encoding: "utf-8" | "utf-16le" | "utf-16be";
  /** Set once any invalid byte sequence was met; rows containing U+FFFD are then suspect. */
  invalidBytes: boolean;
};

export const REPLACEMENT_CHAR = "\uFFFD";

/** Adapts a web ReadableStream (File.stream(), fetch body) or any async iterable to chunks. */
export async function* toChunks(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Number of bytes at the end of `bytes` that start a UTF-8 character not yet complete. */
function incompleteTail(bytes: Uint8Array): number {
  const len = bytes.length;
  for (let k = 1; k <= Math.min(3, len); k++) {
    const b = bytes[len - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b < 0xc0) return 0; // ASCII ends the last character
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return k < needed ? k : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// Bytes looked at to tell UTF-16 without a BOM from UTF-8.
const SNIFF_BYTES = 512;

/** UTF-16 text without a BOM, told by its zero bytes: Latin text has a 0x00 in every other byte. */
function zeroPattern(head: Uint8Array): DecodeState["encoding"] | undefined {
  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.6 && evenZeros <= pairs * 0.1) return "utf-16le";
  if (evenZeros >= pairs * 0.6 && oddZeros <= pairs * 0.1) return "utf-16be";
  return undefined;
}

function detectEncoding(head: Uint8Array): { encoding: DecodeState["encoding"]; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  return { encoding: zeroPattern(head) ?? "utf-8", bom: 0 };
}

/** CRLF and lone CR -> LF across any chunking (a CR that ends a chunk waits for the next one). */
export async function* normalizeNewlines(chunks: AsyncIterable<string>): AsyncIterable<string> {
  let carryCr = false;
  for await (let text of chunks) {
    if (!text) continue;
    if (carryCr) text = "\r" + text;
    carryCr = text.endsWith("\r");
    if (carryCr) text = text.slice(0, -1);
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    if (text) yield text;
  }
  if (carryCr) yield "\n";
}

/** Decodes byte chunks to LF-only text chunks: BOM sniffed and dropped, UTF-16 LE/BE (with or without a BOM). */
export function decodeText(source: AsyncIterable<Uint8Array>, state?: DecodeState): AsyncIterable<string> {
  return normalizeNewlines(decodeBytes(source, state));
}

async function* decodeBytes(
  source: AsyncIterable<Uint8Array>,
  state: DecodeState = { encoding: "utf-8", invalidBytes: false },
): AsyncIterable<string> {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  let utf16: TextDecoder | undefined;
  let head: Uint8Array | undefined = new Uint8Array(0); // bytes held until the BOM is known
  let carry = new Uint8Array(0);

  const decodeUtf8 = (bytes: Uint8Array): string => {
    try {
      return strict.decode(bytes);
    } catch {
      state.invalidBytes = true;
      return lenient.decode(bytes);
    }
  };
  const decode16 = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return utf16!.decode(bytes, { stream });
    } catch {
      state.invalidBytes = true;
      utf16 = new TextDecoder(state.encoding, { ignoreBOM: true });
      return utf16.decode(bytes, { stream });
    }
  };
  const push = (chunk: Uint8Array): string => {
    if (utf16) return decode16(chunk, true);
    const bytes = carry.length ? concat(carry, chunk) : chunk;
    const tail = incompleteTail(bytes);
    carry = bytes.slice(bytes.length - tail);
    return decodeUtf8(tail ? bytes.subarray(0, bytes.length - tail) : bytes);
  };

  for await (let chunk of source) {
    if (head) {
      head = concat(head, chunk);
      // Hold bytes back only while they may be UTF-16 without a BOM (it has zero bytes), so a
      // UTF-8 stream is passed on from its first chunk.
      if (head.length < 3 || (head.length < SNIFF_BYTES && head.includes(0) && detectEncoding(head).bom === 0)) continue;
      chunk = start(head);
      head = undefined;
    }
    const text = push(chunk);
    if (text) yield text;
  }
  if (head) {
    const text = head.length ? push(start(head)) : "";
    if (text) yield text;
  }
  const rest = utf16 ? decode16(new Uint8Array(0), false) : carry.length ? decodeUtf8(carry) : "";
  if (rest) yield rest;

  function start(bytes: Uint8Array): Uint8Array {
    const { encoding, bom } = detectEncoding(bytes);
    state.encoding = encoding;
    if (encoding !== "utf-8") utf16 = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    return bytes.subarray(bom);
  }
}

/** Whole input as one string (for formats that need it all, like JSON). */
export async function collectText(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return parts.join("");
}
