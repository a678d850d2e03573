import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { userFromApiToken } from "./api-tokens";
import { userFromHeaders, type SessionUser } from "./guards";
import { trustedOrigins } from "./origins";
import { changesState, nulMessage, nulParameter, originProblem } from "./request-checks";
import { hasRole, type Role } from "./roles";

/** Routes that also take `Authorization: Bearer <personal API token>` (only under /api/v1). */
export type RouteOptions = { tokens?: boolean };

export const API_V1_PREFIX = "/api/v1/";

/**
 * The one gate every route handler opens with (better-auth's own excepted): no NUL in the query,
 * a trusted Origin on anything but GET/HEAD/OPTIONS, then the session's role. Throws AppErrors
 * (VALIDATION, FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED) for errorResponse; "public" answers the user or null.
 * With `{ tokens: true }` (routes under /api/v1 only) a bearer token stands in for the session;
 * it needs no Origin, since a browser never attaches it by itself.
 *
 *   const user = await guardRoute(req, "supervisor");
 *   const user = await guardRoute(req, "supervisor", { tokens: true });
 */
export async function guardRoute(req: Request, access: Role, options?: RouteOptions): Promise<SessionUser>;
export async function guardRoute(req: Request, access: "public", options?: RouteOptions): Promise<SessionUser | null>;
export async function guardRoute(req: Request, access: Role | "public", options: RouteOptions = {}): Promise<SessionUser | null> {
  const url = new URL(req.url);
  const nul = nulParameter(url.searchParams);
  if (nul !== null) throw new AppError("VALIDATION", nulMessage(nul), nul);
  const bearer = bearerToken(req.headers);
  let user: SessionUser | null;
  if (bearer !== null) {
    if (!options.tokens || !url.pathname.startsWith(API_V1_PREFIX)) {
      throw new AppError("UNAUTHENTICATED", `API tokens work on ${API_V1_PREFIX}... only. Sign in to use this route.`);
    }
    user = await userFromApiToken({ token: bearer, use: { method: req.method, path: url.pathname }, limitPerMinute: config().apiRateLimitPerMinute });
  } else {
    if (changesState(req.method)) {
      const problem = originProblem(req.headers.get("origin"), trustedOrigins(config().publicUrl));
      if (problem) throw new AppError("FORBIDDEN", problem);
    }
    user = await userFromHeaders(req.headers);
  }
  if (access === "public") return user;
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!hasRole(user.role, access)) throw new AppError("FORBIDDEN", `This needs the ${access} role.`);
  return user;
}

/**
 * The token of an `Authorization: Bearer ...` header, or null without one. Other schemes (Basic,
 * from a proxy in front of Recap) are left alone: the session cookie decides then.
 */
function bearerToken(h: Headers): string | null {
  const value = h.get("authorization")?.trim();
  if (!value || !/^bearer(\s|$)/i.test(value)) return null;
  const token = value.slice(6).trim();
  if (!token || /\s/.test(token)) throw new AppError("UNAUTHENTICATED", 'The Authorization header must be "Bearer <token>", with a personal API token from Settings → API tokens.');
  return token;
}
