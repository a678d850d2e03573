import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

describe("sign-in configuration", () => {
  it("defaults the public URL to localhost on PORT, with no first admin and no secret", () => {
    const c = parseConfig({ PORT: "3100" });
    expect(c).toMatchObject({ publicUrl: "http://localhost:3100", firstAdmin: undefined, authSecret: undefined });
  });
  it("takes the first admin from RECAP_ADMIN_EMAIL and RECAP_ADMIN_PASSWORD together", () => {
    expect(parseConfig({ RECAP_ADMIN_EMAIL: "Boss@Example.com", RECAP_ADMIN_PASSWORD: "long enough" }).firstAdmin).toEqual({ email: "boss@example.com", password: "long enough" });
    expect(() => parseConfig({ RECAP_ADMIN_EMAIL: "boss@example.com" })).toThrow(/RECAP_ADMIN_PASSWORD: set RECAP_ADMIN_EMAIL and RECAP_ADMIN_PASSWORD together/);
  });
  it("names a bad secret, email or URL", () => {
    try {
      parseConfig({ BETTER_AUTH_SECRET: "short", RECAP_ADMIN_EMAIL: "nope", RECAP_ADMIN_PASSWORD: "x", RECAP_PUBLIC_URL: "not a url" });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => p.variable).sort()).toEqual(["BETTER_AUTH_SECRET", "RECAP_ADMIN_EMAIL", "RECAP_ADMIN_PASSWORD", "RECAP_PUBLIC_URL"]);
    }
    expect(parseConfig({ RECAP_AUTH_SECRET: "x".repeat(32) }).authSecret).toBe("x".repeat(32));
  });
  it("treats an empty RECAP_S3_BUCKET as unset", () => {
    expect(parseConfig({ RECAP_S3_BUCKET: "" }).bucket).toBe("recap");
  });
});
