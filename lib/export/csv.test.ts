import { describe, expect, it } from "vitest";
import { csvCell, csvRow, csvStream, neutraliseFormula } from "./csv";

describe("formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("prefixes %j with a single quote", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it("leaves ordinary text alone, including formula characters later in the cell", () => {
    expect(neutraliseFormula("Customer asked = refund")).toBe("Customer asked = refund");
    expect(neutraliseFormula(" =1+1")).toBe(" =1+1");
    expect(neutraliseFormula("")).toBe("");
  });

  it("quotes a neutralised cell that also needs CSV quoting", () => {
    expect(csvCell('=cmd|" /C calc"!A0, x')).toBe(`"'=cmd|"" /C calc""!A0, x"`);
    expect(csvCell("\r\n=1")).toBe(`"'\r\n=1"`);
  });

  it("does not touch numbers we produce, even negative ones", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(1234)).toBe("1234");
    expect(csvCell("-5")).toBe("'-5");
  });
});

describe("csvRow", () => {
  it("quotes commas, quotes and line breaks and ends with CRLF", () => {
    expect(csvRow(["a", "b,c", 'say "hi"', "two\nlines", null, undefined, true])).toBe('a,"b,c","say ""hi""","two\nlines",,,true\r\n');
  });

  it("writes dates as ISO 8601", () => {
    expect(csvRow([new Date("2025-01-02T03:04:05Z")])).toBe("2025-01-02T03:04:05.000Z\r\n");
  });
});

describe("csvStream", () => {
  it("streams a BOM, the header and every row", async () => {
    async function* rows() {
      yield ["call-1", "=1+1"];
      yield ["call-2", "fine"];
    }
    const text = await new Response(csvStream(["call_id", "summary"], rows())).text();
    // Response.text() strips the UTF-8 BOM, so check the bytes for it.
    const bytes = new Uint8Array(await new Response(csvStream(["h"], rows())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe("call_id,summary\r\ncall-1,'=1+1\r\ncall-2,fine\r\n");
  });

  it("pulls rows only as they are read, a chunk of about 64 KB at a time", async () => {
    let produced = 0;
    async function* rows() {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield [String(i).padStart(1000, "x")];
      }
    }
    const reader = csvStream(["n"], rows()).getReader();
    await reader.read();
    const chunk = await reader.read();
    // 1,002 bytes a row: one chunk holds 66 rows (the one that crosses 64 KB included), not all 1,000
    expect(produced).toBe(66);
    expect(chunk.value!.byteLength).toBe(66 * 1002);
    await reader.read();
    expect(produced).toBe(132);
    await reader.cancel();
  });
});
