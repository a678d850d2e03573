import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { userFromHeaders, type SessionUser } from "./guards";
import { trustedOrigins } from "./origins";
import { changesState, nulMessage, nulParameter, originProblem } from "./request-checks";
import { hasRole, type Role } from "./roles";

/**
 * The one gate every route handler opens with (better-auth's own excepted): no NUL in the query,
 * a trusted Origin on anything but GET/HEAD/OPTIONS, then the session's role. Throws AppErrors
 * (VALIDATION, FORBIDDEN, UNAUTHENTICATED) for errorResponse; "public" answers the user or null.
 *
 *   const user = await guardRoute(req, "supervisor");
 */
export async function guardRoute(req: Request, access: Role): Promise<SessionUser>;
export async function guardRoute(req: Request, access: "public"): Promise<SessionUser | null>;
export async function guardRoute(req: Request, access: Role | "public"): Promise<SessionUser | null> {
  const nul = nulParameter(new URL(req.url).searchParams);
  if (nul !== null) throw new AppError("VALIDATION", nulMessage(nul), nul);
  if (changesState(req.method)) {
    const problem = originProblem(req.headers.get("origin"), trustedOrigins(config().publicUrl));
    if (problem) throw new AppError("FORBIDDEN", problem);
  }
  const user = await userFromHeaders(req.headers);
  if (access === "public") return user;
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!hasRole(user.role, access)) throw new AppError("FORBIDDEN", `This needs the ${access} role.`);
  return user;
}
