import { describe, expect, it } from "vitest";
import { CsvParser, parseCsvText } from "./csv-parser";
import { seeded } from "../../test/fixtures/streams";

const fields = (text: string, d = ",") => parseCsvText(text, d).map((r) => r.fields);

// Reference: the plainest char-by-char RFC 4180 reading, to check the indexOf-based parser.
function reference(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endRow = () => {
    if (row.length || field !== "" || wasQuoted) rows.push([...row, field]);
    row = [];
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
      wasQuoted = false;
    } else if (c === "\n") endRow();
    else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  endRow();
  return rows;
}

describe("CsvParser", () => {
  it("reads quoted fields with delimiters, escaped quotes and line breaks", () => {
    expect(fields('id,text\n1,"a, ""b""\nc"\n2,plain\n')).toEqual([["id", "text"], ["1", 'a, "b"\nc'], ["2", "plain"]]);
  });

  it("accepts LF, CRLF and lone CR row ends, and a last row without a newline", () => {
    expect(fields("a,b\r\n1,2\r3,4\n5,6")).toEqual([["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]);
  });

  it("keeps empty fields and a quoted empty field, and skips blank lines", () => {
    expect(fields('a,b\n,\n\n"",x\n')).toEqual([["a", "b"], ["", ""], ["", "x"]]);
  });

  it("numbers rows by the physical line they start on", () => {
    const rows = parseCsvText('id,text\n1,"two\nlines"\n2,x\r\n3,"a\r\nb"\n4,y');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 7]);
  });

  it("flags a quoted field that never closes", () => {
    const rows = parseCsvText('id,text\n1,"open\n2,x\n');
    expect(rows[1]).toEqual({ fields: ["1", "open\n2,x\n"], line: 2, unterminated: true });
  });

  it("supports semicolon and tab delimiters", () => {
    expect(fields('a;b\n1;"x;y"', ";")).toEqual([["a", "b"], ["1", "x;y"]]);
    expect(fields("a\tb\n1\t2", "\t")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("gives the same rows for every split of the text, including CR|LF and inside quotes", () => {
    const text = 'id,text\r\n1,"he said ""hi""\r\nthen left"\r\n2,"x"\r3,"ends with quote"""\n';
    const whole = parseCsvText(text);
    for (let size = 1; size <= 8; size++) {
      const p = new CsvParser();
      const rows = [];
      for (let i = 0; i < text.length; i += size) rows.push(...p.push(text.slice(i, i + size)));
      rows.push(...p.end());
      expect(rows).toEqual(whole);
    }
  });

  it("agrees with a char-by-char reference on 500 random inputs, in random chunks", () => {
    const rand = seeded(4180);
    const alphabet = ['"', '"', ",", "\n", "\r", "\r\n", "a", "b", " ", "é"];
    for (let n = 0; n < 500; n++) {
      // Generate valid CSV: random fields, quoted when they need it.
      const rows = Array.from({ length: 1 + Math.floor(rand() * 5) }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
          Array.from({ length: Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(""),
        ),
      );
      const text = rows
        .map((r) => r.map((f) => (/[",\r\n]/.test(f) || rand() < 0.2 ? `"${f.replace(/"/g, '""')}"` : f)).join(","))
        .join(rand() < 0.5 ? "\n" : "\r\n");
      const p = new CsvParser();
      const got = [];
      for (let i = 0; i < text.length; ) {
        const step = 1 + Math.floor(rand() * 7);
        got.push(...p.push(text.slice(i, i + step)));
        i += step;
      }
      got.push(...p.end());
      expect(got.map((r) => r.fields), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
