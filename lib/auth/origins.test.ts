import { describe, expect, it } from "vitest";
import { isLoopbackUrl, secureCookies, trustedOrigins } from "./origins";

describe("cookies and origins", () => {
  it("uses secure cookies everywhere except loopback", () => {
    expect(secureCookies("http://localhost:3000")).toBe(false);
    expect(secureCookies("http://127.0.0.1:3100")).toBe(false);
    expect(secureCookies("https://recap.example.com")).toBe(true);
    expect(secureCookies("http://10.0.0.5:3000")).toBe(true);
    expect(isLoopbackUrl("not a url")).toBe(false);
  });
  it("trusts the public origin, and both loopback names on the embedded default", () => {
    expect(trustedOrigins("https://recap.example.com/")).toEqual(["https://recap.example.com"]);
    expect(trustedOrigins("http://localhost:3100")).toEqual(["http://localhost:3100", "http://127.0.0.1:3100", "http://[::1]:3100"]);
  });
});
