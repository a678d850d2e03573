// proxy.ts, called as Next calls it: NUL refused, sign-in first, a fresh nonce per page, the matcher.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const BASE = "http://localhost:3000";
const get = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`${BASE}${path}`, { headers }));
const signedIn = { cookie: "recap.session_token=abc.def" };

describe("proxy", () => {
  it("answers 400 naming the parameter for a NUL in the query, on pages and routes alike", async () => {
    for (const path of ["/summaries?q=%00", "/admin/audit?actor=x%00", "/api/exports/summaries?q=%00"]) {
      const res = get(path, signedIn);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toMatch(/\\?"(q|actor)\\?" contains a NUL character/);
    }
    expect(get("/batches/%00", signedIn).status).toBe(400);
  });

  it("sends a page request without a session cookie to sign-in, and back afterwards", () => {
    const res = get("/summaries?q=router");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(`${BASE}/sign-in?next=%2Fsummaries%3Fq%3Drouter`);
    expect(get("/", { rsc: "1", "next-router-prefetch": "1" }).headers.get("location")).toBe(`${BASE}/sign-in`);
    for (const open of ["/sign-in", "/setup", "/set-password?token=x", "/api/health", "/api/auth/get-session", "/_next/webpack-hmr"]) {
      expect(get(open).headers.get("location"), open).toBeNull();
    }
  });

  it("gives each page its own nonce, in the CSP it sends and the one Next reads from the request", () => {
    const a = get("/jobs", signedIn);
    const b = get("/jobs", signedIn);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'; /);
    expect(csp).not.toContain("unsafe-inline' ;");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) hands the overridden request headers to Next this way
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-request-x-recap-path")).toBe("/jobs");
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("leaves out the upload routes (their bodies would be cut at 10 MB) and static files", () => {
    const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));
    expect(["/", "/summaries", "/api/exports/summaries", "/api/auth/sign-in/email", "/api/health", "/api/v1/batches", "/api/v1/results"].every(matches)).toBe(true);
    expect(["/api/uploads", "/api/v1/datasets", "/_next/static/chunks/a.js", "/_next/image", "/favicon.ico"].some(matches)).toBe(false);
  });
});

describe("security headers", () => {
  it("add HSTS and upgrade-insecure-requests only over HTTPS", () => {
    const https = securityHeaders({ nonce: "n", dev: false, publicUrl: "https://recap.example.com" });
    expect(https["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");
    const http = securityHeaders({ nonce: "n", dev: false, publicUrl: "http://localhost:3000" });
    expect(http["strict-transport-security"]).toBeUndefined();
    expect(http["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("allow eval and inline <style> only in dev mode", () => {
    const dev = contentSecurityPolicy({ nonce: "n", dev: true, https: false });
    expect(dev).toContain("'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline';");
    const prod = contentSecurityPolicy({ nonce: "n", dev: false, https: false });
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).toContain("style-src 'self' 'nonce-n';");
  });
});
