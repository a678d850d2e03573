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

const NUMBER = /[+(]?\d[\d \-().]{6,24}\d/g;
const SSN = /^\d{3}[- ]\d{2}[- ]\d{4}$/;
const PHONE_IN = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}/g;
const SSN_IN = /\b\d{3}-\d{2}-\d{4}\b/g;
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

function classifyNumber(match: string): string {
  const digits = match.replace(/\D/g, "");
  if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return PLACEHOLDERS.card;
  if (SSN.test(match)) return PLACEHOLDERS.ssn;
  const plus = match.startsWith("+");
  if ((plus && digits.length >= 8 && digits.length <= 15) || digits.length === 10 || (digits.length === 11 && digits[0] === "1")) {
    return PLACEHOLDERS.phone;
  }
  // Several numbers run together ("555-123-4567, 555-987-6543" minus the comma): look inside.
  return match.replace(SSN_IN, PLACEHOLDERS.ssn).replace(PHONE_IN, PLACEHOLDERS.phone);
}

function redactNumbers(text: string): string {
  return text.replace(NUMBER, (match: string, offset: number) => {
    // Digits glued to letters are an identifier (order "AB12345678"), not PII we recognise.
    if (offset > 0 && WORD.test(text[offset - 1])) return match;
    const after = text[offset + match.length];
    if (after !== undefined && WORD.test(after)) return match;
    return classifyNumber(match);
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

/** Replaces emails, phone numbers, card numbers (Luhn-checked), US SSNs and IBANs with placeholders. */
export function redactPii(text: string): string {
  // Emails first: their local part may hold digits that the number pass would otherwise take.
  let out = redactEmails(text);
  out = redactNumbers(out);
  // IBANs start with two capital letters then two digits; skip the pass when none can exist.
  return /[A-Z]{2}\d{2}/.test(out) ? redactIbans(out) : out;
}
