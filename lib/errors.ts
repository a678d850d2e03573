// Errors a user can act on carry a code; the UI shows the message beside the field or row.
export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "VALIDATION" | "CONFLICT" | "QUOTA" | "UPSTREAM" | "RATE_LIMITED";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * A unique-key violation, however the driver adapter reports it: Prisma's P2002
 * (adapter-pg) or the raw PostgreSQL 23505 (pglite-prisma-adapter 0.6 passes it through).
 */
export function isUniqueViolation(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const err = e as { code?: unknown; cause?: { code?: unknown; kind?: unknown } };
  return err.code === "P2002" || err.cause?.code === "23505" || err.cause?.kind === "UniqueConstraintViolation";
}

// The driver adapters report a failed raw query differently (Prisma's P2010 with the server's code
// and message in meta, or the message alone): match the SQLSTATE or the server's words anywhere.
function postgresErrorText(e: unknown): string {
  const err = e as { message?: unknown; meta?: unknown };
  return `${String(err?.message ?? "")} ${JSON.stringify(err?.meta ?? null)}`;
}

/** A deadlock or serialization failure: the statement was rolled back whole, so it can run again. */
export function isLockConflict(e: unknown): boolean {
  return /40P01|40001|deadlock detected/.test(postgresErrorText(e));
}

/** A statement ended by statement_timeout. */
export function isStatementTimeout(e: unknown): boolean {
  return /57014|statement timeout/.test(postgresErrorText(e));
}

/** Run a write; a unique-key violation becomes CONFLICT with the given message. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, message: string, field?: string): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", message, field);
    throw e;
  }
}
