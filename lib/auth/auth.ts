import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { audit } from "@/lib/audit/log";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ensureFirstAdminFromEnv } from "./first-admin";
import { secureCookies, trustedOrigins } from "./origins";
import { authSecret } from "./secret";
import { consumeSignInAttempt, SIGN_IN_LIMIT } from "./sign-in-limit";

const SIGN_IN = "/sign-in/email";

/** The better-auth instance over `prisma`; tests build their own, the app uses auth(). */
export function buildAuth(prisma: PrismaClient) {
  const { publicUrl } = config();
  const secure = secureCookies(publicUrl);
  return betterAuth({
    appName: "Recap",
    baseURL: publicUrl,
    secret: authSecret(),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    trustedOrigins: trustedOrigins(publicUrl),
    telemetry: { enabled: false },
    // Failed sign-ins are in the audit log; the logger would repeat each as a warning.
    logger: { level: "error" },
    // Admins create people (lib/admin/users.ts); nobody signs themselves up or changes their own email.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128, revokeSessionsOnPasswordReset: true },
    disabledPaths: ["/sign-up/email", "/update-user", "/change-email", "/delete-user", "/request-password-reset"],
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "supervisor" },
        disabled: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    // No cookie cache: every request reads the session row, so disabling a user ends their session at once.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24, cookieCache: { enabled: false } },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: "recap",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
    },
    // Off by default outside production; on always, in the database so every instance shares it.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 200,
      customRules: { [SIGN_IN]: { window: SIGN_IN_LIMIT.windowSeconds, max: SIGN_IN_LIMIT.max } },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN) return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const { allowed, retryAfterSeconds } = await consumeSignInAttempt(prisma, email);
        if (!allowed) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.` }, {
            "X-Retry-After": String(retryAfterSeconds),
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN) return;
        const session = ctx.context.newSession;
        if (session && !isAPIError(ctx.context.returned)) {
          await audit({ actor: { id: session.user.id, email: session.user.email }, action: "auth.sign-in", targetType: "user", targetId: session.user.id }, prisma);
        } else {
          const email = typeof ctx.body?.email === "string" ? ctx.body.email.slice(0, 200) : undefined;
          const reason = isAPIError(ctx.context.returned) ? ctx.context.returned.message : "failed";
          await audit({ actor: null, actorEmail: email, action: "auth.sign-in-failed", after: { reason } }, prisma);
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // Runs after the password matched, so only the password holder learns the account is disabled.
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled) throw new APIError("FORBIDDEN", { message: "This account is disabled. Ask an admin to enable it." });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

// One instance per process, shared by route handlers and server components (see lib/db.ts on globalThis).
const KEY = Symbol.for("recap.auth");
const g = globalThis as unknown as { [KEY]?: Promise<Auth> };

/** The app's better-auth instance over db(); creates the first admin from the environment once. */
export function auth(): Promise<Auth> {
  g[KEY] ??= (async () => {
    const prisma = await db();
    await ensureFirstAdminFromEnv(prisma);
    return buildAuth(prisma);
  })().catch((e) => {
    g[KEY] = undefined;
    throw e;
  });
  return g[KEY];
}

/** Tests: forget the instance so the next auth() builds one over the test database. */
export function resetAuthForTests(): void {
  g[KEY] = undefined;
}
