import { describe, expect, it } from "vitest";
import { guessCallFieldColumns, parseCallStart, parseDurationSec, splitCallMetadata } from "./call-metadata";

describe("call metadata", () => {
  it("guesses the call columns from common header names, never the id or transcript column", () => {
    expect(guessCallFieldColumns(["Contact ID", "Agent Name", "Queue", "Start Time", "AHT", "Direction", "Locale", "Customer_ID", "transcript"], ["Contact ID", "transcript"])).toEqual({
      agent: "Agent Name", team: "Queue", callStart: "Start Time", duration: "AHT", direction: "Direction", language: "Locale", customerId: "Customer_ID",
    });
    expect(guessCallFieldColumns(["id", "text", "notes"])).toEqual({});
  });

  it("reads durations as seconds, clock times and units, and milliseconds by column name", () => {
    expect([parseDurationSec("312"), parseDurationSec("05:12"), parseDurationSec("1:00:05"), parseDurationSec("5m 12s"), parseDurationSec(312_400, "duration_ms")]).toEqual([312, 312, 3605, 312, 312]);
    expect([parseDurationSec("soon"), parseDurationSec(-4), parseDurationSec("")]).toEqual([null, null, null]);
  });

  it("reads call times as ISO, as UTC without a zone, and as epoch seconds or milliseconds; refuses the rest", () => {
    expect(parseCallStart("2026-11-02T10:15:00+01:00")?.toISOString()).toBe("2026-11-02T09:15:00.000Z");
    expect(parseCallStart("2026-11-02 10:15")?.toISOString()).toBe("2026-11-02T10:15:00.000Z");
    expect(parseCallStart("2026-11-02")?.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(parseCallStart("1793614500")?.toISOString()).toBe("2026-11-02T10:15:00.000Z");
    expect([parseCallStart("11/02/2026"), parseCallStart("yesterday"), parseCallStart("0001-01-01")]).toEqual([null, null, null]);
  });

  it("moves the mapped columns into fields and keeps the others as free metadata", () => {
    const { fields, rest } = splitCallMetadata({ "Agent Name": "Ana", Queue: "Billing", start: "2026-11-02 10:15", AHT: "4:05", site: "Austin" }, { agent: "Agent Name", team: "Queue", callStart: "start", duration: "AHT" });
    expect(fields).toEqual({ agent: "Ana", team: "Billing", callStartAt: new Date("2026-11-02T10:15:00Z"), durationSec: 245, direction: null, language: null, customerId: null });
    expect(rest).toEqual({ site: "Austin" });
  });

  it("reads what Transcribe, Call Analytics and PCA files carry without any mapping", () => {
    const { fields, rest } = splitCallMetadata({ source: "pca", agent: "Jo", conversationTime: "2026-11-02T10:15:00Z", duration: 153.9, LanguageCode: "en-US", durationSec: 154 });
    expect(fields).toMatchObject({ agent: "Jo", callStartAt: new Date("2026-11-02T10:15:00Z"), durationSec: 154, language: "en-US" });
    expect(rest).toEqual({ source: "pca", duration: 153.9 });
  });
});
