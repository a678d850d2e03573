// PII redaction that is cheap enough to stay on for every upload. Instead of one big regex with
// an email alternative (which backtracks at every word: ~100 MB/s), emails are found from their
// "@" with indexOf and numbers by one regex whose first character must be a digit, "+" or "(";
// what a number is (card, SSN, phone) is decided on the rare match, with a Luhn check for cards.
// Existing placeholders such as {EMAIL} or [PII] contain neither "@" nor digits, so they stay.

export const PLACEHOLDERS = {
  email: "{EMAIL}",
  phone: "{PHONE}",
  card: "{CREDIT_DEBIT_CARD_NUMBER}",
  ssn: "{SSN}",
  iban: "{IBAN}",
} as const;

// Separators include the en dash that speech-to-text and word processors put between groups.
const NUMBER = /[+(]?\d[\d \-–().]{5,24}\d/g;
const SSN = /^(?!000|666|9)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}$/;
// NANP as people write it: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567, 1-555-123-4567.
const NANP = /^(?:1[ .\-–]?)?(?:\(\d{3}\) ?|\d{3}[ .\-–])\d{3}[ .\-–]\d{4}$/;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b/;
const BARE_NANP = /^1?\d{10}$/;
// Inside a run of several numbers; never part of a longer digit run.
const PHONE_IN = /(?<!\d)(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)/g;
const SSN_IN = /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g;
// What the words right before a bare digit run say it is. An id: "order 3348917502",
// "account number is ...", "ticket #..."; a phone: "call me at ...", "my cell is ...".
const ID_BEFORE =
  /\b(?:order|account|acct|ticket|reference|ref|confirmation|tracking|invoice|case|policy|claim|member|customer|transaction|serial|model|part|sku|item|booking|reservation|receipt|id)\b[\s#:.-]*(?:(?:number|num|no|id|code|is|was)\b[\s#:.-]*){0,3}$/i;
const ID_AFTER = /^\s*(?:is|was)?\s*(?:my|the|your|our)?\s*(?:order|account|ticket|reference|confirmation|tracking|invoice|case)\b/i;
// Checked after ID_BEFORE, so "number" here is "my number is", not "order number is".
const PHONE_BEFORE = /\b(?:call|calling|called|phone|cell|mobile|telephone|tel|text|reach|contact|callback|fax|dial|whatsapp|number)\b/i;
const SSN_BEFORE = /\b(?:ssn|social security(?: number)?)\b[\s#:.?-]*(?:(?:is|was|it's|its|number|no)\b[\s#:.-]*){0,2}$/i;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/y;
const WORD = /[A-Za-z0-9_]/;

/** True when the digits pass the Luhn checksum that every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function classifyNumber(match: string, before: string, after: string): string {
  const digits = match.replace(/\D/g, "");
  if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return PLACEHOLDERS.card;
  if (SSN.test(match)) return PLACEHOLDERS.ssn;
  if (match.startsWith("+")) return digits.length >= 8 && digits.length <= 15 ? PLACEHOLDERS.phone : match;
  if (NANP.test(match)) return PLACEHOLDERS.phone;
  if (DATE.test(match)) return match;
  // Not a phone by shape alone: the words around it decide.
  if (ID_BEFORE.test(before) || ID_AFTER.test(after)) return match;
  if (digits.length === 9 && SSN_BEFORE.test(before)) return PLACEHOLDERS.ssn;
  if (digits.length >= 7 && digits.length <= 15 && PHONE_BEFORE.test(before.slice(-25))) return PLACEHOLDERS.phone;
  // An unexplained bare 10-digit run (or 1 + 10) is taken for a phone: missing one costs more.
  if (digits.length === match.length) return BARE_NANP.test(digits) ? PLACEHOLDERS.phone : match;
  // Several numbers run together ("555-123-4567, 555-987-6543" minus the comma): look inside.
  return match.replace(SSN_IN, PLACEHOLDERS.ssn).replace(PHONE_IN, PLACEHOLDERS.phone);
}

function redactNumbers(text: string): string {
  return text.replace(NUMBER, (match: string, offset: number) => {
    // Digits glued to letters are an identifier (order "AB12345678"), not PII we recognise.
    if (offset > 0 && WORD.test(text[offset - 1])) return match;
    const end = offset + match.length;
    if (end < text.length && WORD.test(text[end])) return match;
    return classifyNumber(match, text.slice(Math.max(0, offset - 40), offset), text.slice(end, end + 30));
  });
}

function redactEmails(text: string): string {
  let at = text.indexOf("@");
  if (at < 0) return text;
  let out = "";
  let copied = 0;
  while (at >= 0) {
    let start = at;
    while (start > copied && EMAIL_LOCAL.test(text[start - 1])) start--;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (start < at && domain) {
      out += text.slice(copied, start) + PLACEHOLDERS.email;
      copied = at + 1 + domain[0].length;
    }
    at = text.indexOf("@", Math.max(at + 1, copied));
  }
  return out + text.slice(copied);
}

function mod97(iban: string): number {
  const moved = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (let i = 0; i < moved.length; i++) r = (r * 10 + moved.charCodeAt(i) - 48) % 97;
  return r;
}

function redactIbans(text: string): string {
  return text.replace(IBAN, (m) => (mod97(m.replace(/ /g, "")) === 1 ? PLACEHOLDERS.iban : m));
}

/**
 * Replaces emails, phone numbers, card numbers (Luhn-checked), US SSNs and IBANs with placeholders.
 * Phones are recognised by their shapes (NANP with separators or a leading 1/+1, E.164 with +)
 * or, for a bare 10-digit run, unless the words before or after it name an id ("order", "account",
 * "ticket", "reference", ...): order 3348917502 stays.
 */
export function redactPii(text: string): string {
  // Emails first: their local part may hold digits that the number pass would otherwise take.
  let out = redactEmails(text);
  out = redactNumbers(out);
  // IBANs start with two capital letters then two digits; skip the pass when none can exist.
  return /[A-Z]{2}\d{2}/.test(out) ? redactIbans(out) : out;
}
