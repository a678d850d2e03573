import "server-only";
import { z } from "zod";
import { currentUser, type SessionUser } from "@/lib/auth/guards";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { hasRole, type Role } from "@/lib/auth/roles";
import { AppError, type ErrorCode } from "@/lib/errors";
import { nulField, nulMessage } from "@/lib/auth/request-checks";

export type ActionError = { code: ErrorCode; message: string; field?: string; fields?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

/** An error the user can act on, from an AppError, a zod error or a plain {code, message, field}. */
export function fail(error: AppError | z.ZodError | ActionError): { ok: false; error: ActionError } {
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const field = issue.path.map(String).join(".") || "_";
      fields[field] ??= issue.message;
    }
    const first = error.issues[0];
    const field = first?.path.map(String).join(".") || undefined;
    return { ok: false, error: { code: "VALIDATION", message: first?.message ?? "The input is not valid.", field, fields } };
  }
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, field: error.field } };
  return { ok: false, error };
}

/**
 * VALIDATION naming the first string field that holds a NUL byte, or null: PostgreSQL text cannot
 * hold NUL, so it is refused here by name rather than failing as a 500 in the database.
 */
export function refuseNul(input: unknown): { ok: false; error: ActionError } | null {
  const field = nulField(toObject(input));
  if (field === null) return null;
  const message = nulMessage(field, "field");
  return fail({ code: "VALIDATION", message, field, fields: { [field]: message } });
}

type Access = { role: Role } | { permission: Permission };

/** A server action built by action(): it also says which role it needs, so tests can drive every one. */
export type GuardedAction<T> = ((input: unknown) => Promise<ActionResult<T>>) & { requiredRole: Role };

function toObject(input: unknown): unknown {
  if (typeof FormData !== "undefined" && input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of input.entries()) if (!k.startsWith("$ACTION")) out[k] = v;
    return out;
  }
  return input;
}

/**
 * The one way to write a server action: the session and role are checked before the input is
 * even parsed, the input is parsed with zod, AppErrors become values, anything else is thrown.
 *
 *   export const disableUser = action({ permission: "users.manage" })
 *     .schema(DisableUser)
 *     .action(async ({ input, user }) => users.setDisabled({ ...input, actor: user }));
 */
export function action(access: Access) {
  const requiredRole: Role = "role" in access ? access.role : PERMISSIONS[access.permission].role;
  return {
    schema<S extends z.ZodType>(schema: S) {
      return {
        action<T>(run: (args: { input: z.output<S>; user: SessionUser }) => Promise<T>): GuardedAction<T> {
          const guarded = async (input: unknown): Promise<ActionResult<T>> => {
            const user = await currentUser();
            if (!user) return fail({ code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." });
            if (!hasRole(user.role, requiredRole)) return fail({ code: "FORBIDDEN", message: `This needs the ${requiredRole} role.` });
            const raw = toObject(input);
            const refused = refuseNul(raw);
            if (refused) return refused;
            const parsed = schema.safeParse(raw);
            if (!parsed.success) return fail(parsed.error);
            try {
              return ok(await run({ input: parsed.data, user }));
            } catch (e) {
              if (e instanceof AppError) return fail(e);
              console.error("[action] unexpected error", e);
              throw e;
            }
          };
          return Object.assign(guarded, { requiredRole });
        },
      };
    },
  };
}
