import { describe, expect, it } from "vitest";
import { decodeText, toChunks, type DecodeState } from "./decode";
import { chunked, collect, utf16 } from "../../test/fixtures/streams";

async function decode(bytes: Uint8Array | string, size?: number) {
  const state: DecodeState = { encoding: "utf-8", invalidBytes: false };
  const text = (await collect(decodeText(chunked(bytes, size), state))).join("");
  return { text, ...state };
}

describe("decodeText", () => {
  const sample = "id,text\n1,\"¡Hola! ¿Qué tal? – ñandú 😀\"\n";

  it("drops a UTF-8 BOM and keeps the rest byte for byte", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(await decode(bytes)).toEqual({ text: sample, encoding: "utf-8", invalidBytes: false });
  });

  it("decodes UTF-16 LE and BE with a BOM", async () => {
    expect(await decode(utf16(sample, "le"))).toMatchObject({ text: sample, encoding: "utf-16le", invalidBytes: false });
    expect(await decode(utf16(sample, "be"), 3)).toMatchObject({ text: sample, encoding: "utf-16be", invalidBytes: false });
  });

  it("gives the same text when multi-byte characters are split across 1-byte chunks", async () => {
    expect((await decode(sample, 1)).text).toBe(sample);
    expect((await decode(utf16(sample, "le"), 1)).text).toBe(sample);
  });

  it("flags invalid UTF-8 instead of passing U+FFFD silently", async () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62, 0xc3]); // a, invalid, b, truncated é
    const result = await decode(bytes, 1);
    expect(result.invalidBytes).toBe(true);
    expect(result.text).toBe("a\uFFFDb\uFFFD");
  });

  it("yields nothing for an empty input", async () => {
    expect(await decode(new Uint8Array(0))).toEqual({ text: "", encoding: "utf-8", invalidBytes: false });
  });

  it("reads a web ReadableStream through its reader (browsers without async iteration)", async () => {
    const web = new Blob(["¡hola", " mundo!"]).stream();
    const readerOnly = { getReader: () => web.getReader() } as unknown as ReadableStream<Uint8Array>;
    expect((await collect(decodeText(toChunks(readerOnly)))).join("")).toBe("¡hola mundo!");
  });
});

describe("decodeText on hostile and messy input", () => {
  const csv = "call_id,transcript\nc1,Agent: hello\n";
  const bomless = (text: string, endian: "le" | "be") => utf16(text, endian).subarray(2);

  it("tells UTF-16 LE and BE without a byte-order mark by their zero bytes", async () => {
    expect(await decode(bomless(csv, "le"))).toMatchObject({ text: csv, encoding: "utf-16le", invalidBytes: false });
    expect(await decode(bomless(csv, "be"), 1)).toMatchObject({ text: csv, encoding: "utf-16be", invalidBytes: false });
    // a short file is still told apart
    expect((await decode(bomless("a,b\n", "le"))).text).toBe("a,b\n");
  });

  it("turns CRLF and lone CR into LF, even with the CR and the LF in different chunks", async () => {
    const text = "a\r\nb\rc\r\n\r\nd\r";
    for (const size of [1, 2, 3, 100]) expect((await decode(text, size)).text).toBe("a\nb\nc\n\nd\n");
    expect((await decode(utf16("x\r\ny", "le"), 1)).text).toBe("x\ny");
  });
});
