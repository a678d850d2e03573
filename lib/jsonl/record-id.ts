// Bedrock recordIds are 11 alphanumerics. Ours are derived from the ordinal of the accepted
// transcript, so converting the same file twice (once for the database, once to submit) gives
// the same ids, and results map back to calls without a lookup table.

const PREFIX = "RC";
const DIGITS = 9;
export const MAX_ORDINAL = 10 ** DIGITS - 1;

/** Bedrock's recordId pattern: exactly 11 letters or digits. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9]{11}$/;

/** The recordId of the n-th accepted transcript (1-based): 1 -> "RC000000001". */
export function recordIdFor(ordinal: number): string {
  if (!Number.isInteger(ordinal) || ordinal < 1 || ordinal > MAX_ORDINAL) {
    throw new RangeError(`record ordinal must be an integer from 1 to ${MAX_ORDINAL}, got ${ordinal}`);
  }
  return PREFIX + String(ordinal).padStart(DIGITS, "0");
}

/** The ordinal a recordId of ours encodes, or undefined for any other id. */
export function ordinalOf(recordId: string): number | undefined {
  if (recordId.length !== PREFIX.length + DIGITS || !recordId.startsWith(PREFIX)) return undefined;
  const digits = recordId.slice(PREFIX.length);
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1 ? n : undefined;
}
