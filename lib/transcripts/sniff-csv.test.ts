import { describe, expect, it } from "vitest";
import { sniffCsv } from "./sniff-csv";
import { utf16 } from "../../test/fixtures/streams";

describe("sniffCsv", () => {
  const csv = 'Call ID;Agent;Conversation\r\n1;Ann;"Agent: hi;\r\nCustomer: yo"\r\n2;Bob;"Agent: bye"\r\n3;Cy;"cut sh';

  it("finds delimiter, columns, guesses and complete first rows from a UTF-8 chunk with BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    expect(sniffCsv(bytes)).toEqual({
      looksLikeTurns: false,
      guessedTurnColumn: undefined,
      guessedSpeakerColumn: undefined,
      columns: ["Call ID", "Agent", "Conversation"],
      guessedIdColumn: "Call ID",
      guessedTextColumn: "Conversation",
      delimiter: ";",
      firstRows: [
        { "Call ID": "1", Agent: "Ann", Conversation: "Agent: hi;\r\nCustomer: yo" },
        { "Call ID": "2", Agent: "Bob", Conversation: "Agent: bye" },
      ],
    });
  });

  it("reads UTF-16 and tab-separated text, and a chunk cut inside a character", () => {
    expect(sniffCsv(utf16("id\ttext\n1\tx\n", "le")).delimiter).toBe("\t");
    const cut = new TextEncoder().encode("id,transcript\n1,é\n2,é").subarray(0, -1);
    expect(sniffCsv(cut, { complete: true }).firstRows).toEqual([{ id: "1", transcript: "é" }, { id: "2", transcript: "" }]);
  });
});
