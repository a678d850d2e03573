// Personal API tokens on PGlite and PostgreSQL: their shape, what is stored, revocation, and the
// per-token rate limit's window (given clock values, not waits).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import { seedUser } from "./testing/sessions";
import { consumeTokenRequest, createApiToken, hashToken, listApiTokens, looksLikeToken, revokeApiToken, userFromApiToken } from "./api-tokens";
import type { SessionUser } from "./guards";

const targets = await databaseTargets("api-tokens");
const use = { method: "GET", path: "/api/v1/batches" };

describe.each(targets)("personal API tokens on %s", (_name, create) => {
  let t: TestDb;
  let me: SessionUser;
  let other: SessionUser;
  beforeAll(async () => {
    t = await create();
    me = await seedUser(t, "manager");
    other = await seedUser(t, "supervisor");
  });
  afterAll(() => t?.close());

  it("are recap_pat_ and 43 base64url characters, each different, stored only as their SHA-256", async () => {
    const a = await createApiToken({ user: me, name: "a", prisma: t.prisma });
    const b = await createApiToken({ user: me, name: "b", prisma: t.prisma });
    for (const x of [a, b]) expect(looksLikeToken(x.token)).toBe(true);
    expect(a.token).not.toBe(b.token);
    const row = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ userId: me.id, name: "a", prefix: a.token.slice(0, 16), tokenHash: hashToken(a.token), revokedAt: null, lastUsedAt: null });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(a.token.slice(16));
    const created = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "api-token.create", targetId: a.id } });
    expect(JSON.stringify(created)).not.toContain(a.token);
  });

  it("act as their user with the user's role, stamp the use and audit it", async () => {
    const { id, token } = await createApiToken({ user: me, name: "use", prisma: t.prisma });
    const user = await userFromApiToken({ token, use, limitPerMinute: 10, prisma: t.prisma, now: Date.UTC(2026, 11, 2, 12) });
    expect(user).toEqual({ id: me.id, email: me.email, name: me.name, role: "manager" });
    expect((await t.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString()).toBe("2026-12-02T12:00:00.000Z");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "api-token.use", targetId: id } });
    expect(audit).toMatchObject({ actorId: me.id, after: { prefix: token.slice(0, 16), method: "GET", path: "/api/v1/batches" } });
  });

  it("are refused once revoked, for a disabled user, and when unknown or malformed", async () => {
    const { id, token } = await createApiToken({ user: other, name: "r", prisma: t.prisma });
    await expect(revokeApiToken({ user: me, tokenId: id, prisma: t.prisma })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken({ user: other, tokenId: id, prisma: t.prisma });
    await revokeApiToken({ user: other, tokenId: id, prisma: t.prisma });
    expect(await t.prisma.auditLog.count({ where: { action: "api-token.revoke", targetId: id } })).toBe(1);
    await expect(userFromApiToken({ token, use, limitPerMinute: 10, prisma: t.prisma })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const gone = await seedUser(t, "admin");
    const theirs = await createApiToken({ user: gone, name: "g", prisma: t.prisma });
    await t.prisma.user.update({ where: { id: gone.id }, data: { disabled: true } });
    await expect(userFromApiToken({ token: theirs.token, use, limitPerMinute: 10, prisma: t.prisma })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const bad of ["", "recap_pat_short", `ghp_${"a".repeat(36)}`, `recap_pat_${"B".repeat(43)}`]) {
      await expect(userFromApiToken({ token: bad, use, limitPerMinute: 10, prisma: t.prisma }), bad).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
  });

  it("list only the user's own, newest first, without hashes", async () => {
    const mine = await listApiTokens({ user: me, prisma: t.prisma });
    expect(mine.map((x) => x.name)).toEqual(["use", "b", "a"]);
    expect(Object.keys(mine[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
    expect((await listApiTokens({ user: other, prisma: t.prisma })).map((x) => x.name)).toEqual(["r"]);
  });

  it("are limited per token in one-minute windows: the request past the limit waits for the window's end", async () => {
    const { id, token } = await createApiToken({ user: me, name: "limited", prisma: t.prisma });
    const { id: otherId } = await createApiToken({ user: me, name: "other", prisma: t.prisma });
    const t0 = Date.UTC(2026, 11, 2, 12, 0, 0);
    for (let i = 0; i < 3; i++) expect((await consumeTokenRequest(t.prisma, id, 3, t0 + i * 1000)).allowed).toBe(true);
    expect(await consumeTokenRequest(t.prisma, id, 3, t0 + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect((await consumeTokenRequest(t.prisma, otherId, 3, t0 + 20_000)).allowed).toBe(true);
    await expect(userFromApiToken({ token, use, limitPerMinute: 3, prisma: t.prisma, now: t0 + 30_000 })).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30 });
    // a new window starts a minute after the first request of the last one
    expect(await consumeTokenRequest(t.prisma, id, 3, t0 + 60_001)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });
});
