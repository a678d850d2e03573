// Every page under app/(app) is built with page() (lib/auth/page.ts), found by listing the files:
// its default export refuses a stranger (to sign-in, back to where they were) and a lower role (to
// /forbidden) before it renders anything. Sessions are real; next/headers is the seam.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import type { GuardedPage } from "@/lib/auth/page";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import { setRequestHeaders } from "@/lib/auth/testing/request-headers";

const APP = __dirname;

function pageFiles(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pageFiles(p) : e.name === "page.tsx" || e.name === "page.ts" ? [p] : [];
  });
}
const rel = (f: string) => path.relative(APP, f).split(path.sep).join("/");

let t: TestDb;
const users = {} as Record<Role, { email: string }>;
beforeAll(async () => {
  t = await authTestDb();
  for (const role of ROLES) users[role] = await seedUser(t, role);
});
afterAll(async () => t?.close());

/** Where the page redirected to, or "rendered" if it returned. */
async function outcome(p: GuardedPage): Promise<string> {
  try {
    await p({ params: Promise.resolve({ id: "x", jobId: "x", templateId: "x" }), searchParams: Promise.resolve({}) });
    return "rendered";
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw e;
    return digest.split(";")[2]!;
  }
}

describe("pages under app/(app)", () => {
  const files = pageFiles();

  it("are all found, and each default export is page({ role }, ...) and nothing else", () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const f of files) {
      const source = fs.readFileSync(f, "utf8");
      expect(source, rel(f)).toMatch(/^export default page(<[^\n]*>)?\(\{ role: "(supervisor|manager|admin)" \}, /m);
      expect(source.match(/export default/g), rel(f)).toHaveLength(1);
      expect(source, rel(f)).not.toMatch(/requirePageRole|currentUser/);
    }
  });

  it("each refuses a stranger and every lower role before rendering", async () => {
    for (const f of files) {
      const p = (await import(f)).default as GuardedPage;
      expect(ROLES, rel(f)).toContain(p.requiredRole);
      setRequestHeaders(new Headers({ "x-recap-path": "/where?x=1" }));
      expect(await outcome(p), `${rel(f)} signed out`).toBe(`/sign-in?next=${encodeURIComponent("/where?x=1")}`);
      for (const role of ROLES.filter((r) => !hasRole(r, p.requiredRole))) {
        await actAs(users[role]);
        expect(await outcome(p), `${rel(f)} as ${role}`).toBe(`/forbidden?need=${p.requiredRole}`);
      }
    }
  });

  it("a NUL in a query parameter is refused by name instead of reaching a query", async () => {
    const summaries = (await import("./summaries/page")).default as GuardedPage;
    await actAs(users.manager);
    const el = (await summaries({ params: Promise.resolve({}), searchParams: Promise.resolve({ q: "a\0b" }) })) as { props: { children: string } };
    expect(el.props.children).toMatch(/The parameter "q" contains a NUL character/);
  });
});
