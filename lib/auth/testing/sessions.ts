// Tests: a fresh database with better-auth over it, users per role, and sign-in through the HTTP handler.
import { createPgliteTestDb, type TestDb } from "@/test/db";
import { setDbForTests as pointDbAt } from "@/lib/db";
import { createAccount } from "@/lib/auth/accounts";
import { auth, resetAuthForTests } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/guards";
import { setRequestHeaders } from "./request-headers";

export const TEST_ORIGIN = "http://localhost:3000";
export const TEST_PASSWORD = "correct horse battery";

export async function authTestDb(): Promise<TestDb> {
  const t = await createPgliteTestDb();
  pointDbAt(t.prisma);
  resetAuthForTests();
  return t;
}

export async function seedUser(t: TestDb, role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@recap.test`): Promise<SessionUser> {
  const u = await t.prisma.$transaction((tx) => createAccount(tx, { email, name: `Test ${role}`, role, password: TEST_PASSWORD }));
  return { id: u.id, email: u.email, name: `Test ${role}`, role };
}

/** POST /api/auth/sign-in/email through better-auth's handler, as a browser would. */
export async function signInRequest(email: string, password: string, ip = "203.0.113.7"): Promise<Response> {
  const a = await auth();
  return a.handler(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The Cookie header a browser would send after this response. */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const sessions = new Map<string, string>();

/** Sign in (once per user and test file: sign-in is rate limited) and make next/headers answer with that session. */
export async function actAs(user: { email: string } | null): Promise<void> {
  if (!user) return setRequestHeaders(new Headers());
  let cookie = sessions.get(user.email);
  if (!cookie) {
    const res = await signInRequest(user.email, TEST_PASSWORD, `198.51.100.${sessions.size + 1}`);
    if (res.status !== 200) throw new Error(`sign-in as ${user.email} answered ${res.status}: ${await res.text()}`);
    cookie = cookieHeader(res);
    sessions.set(user.email, cookie);
  }
  setRequestHeaders(new Headers({ cookie }));
}
