import { describe, expect, it } from "vitest";
import { ordinalOf, recordIdFor, RECORD_ID_PATTERN } from "./record-id";

describe("record ids", () => {
  it("are 11 alphanumerics derived from the ordinal, and invert", () => {
    expect(recordIdFor(1)).toBe("RC000000001");
    expect(recordIdFor(50_000)).toBe("RC000050000");
    for (const n of [1, 7, 1000, 123456789, 999_999_999]) {
      expect(recordIdFor(n)).toMatch(RECORD_ID_PATTERN);
      expect(ordinalOf(recordIdFor(n))).toBe(n);
    }
  });

  it("reject ordinals out of range and ids that are not ours", () => {
    expect(() => recordIdFor(0)).toThrow(RangeError);
    expect(() => recordIdFor(1.5)).toThrow(RangeError);
    expect(() => recordIdFor(1e9)).toThrow(RangeError);
    expect(ordinalOf("CALL0000001")).toBeUndefined();
    expect(ordinalOf("RC00000000x")).toBeUndefined();
    expect(ordinalOf("RC000000000")).toBeUndefined();
  });
});
