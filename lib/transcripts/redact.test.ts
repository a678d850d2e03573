import { describe, expect, it } from "vitest";
import { luhnValid, PLACEHOLDERS, redactPii } from "./redact";
import { TranscriptValidator } from "./validate";
import { loadRedactionFixture, scoreRedaction } from "./redact-fixture";

describe("redactPii", () => {
  it.each([
    ["write to jane.doe+calls@mail.example.co.uk today", "write to {EMAIL} today"],
    ["call (555) 123-4567 or 555.987.6543", "call {PHONE} or {PHONE}"],
    ["my number is +44 20 7946 0958.", "my number is {PHONE}."],
    ["1-800-555-0199 is toll free", "{PHONE} is toll free"],
    ["card 4111-1111-1111-1111 exp 12/27", "card {CREDIT_DEBIT_CARD_NUMBER} exp 12/27"],
    ["amex 378282246310005", "amex {CREDIT_DEBIT_CARD_NUMBER}"],
    ["SSN 123-45-6789, thanks", "SSN {SSN}, thanks"],
    ["IBAN DE89 3704 0044 0532 0130 00 please", "IBAN {IBAN} please"],
    ["two numbers 555-123-4567 555-987-6543", "two numbers {PHONE} {PHONE}"],
    ["+1 (415) 555-0199 or +4915123456789", "{PHONE} or {PHONE}"],
    ["call me at 4155550199 please", "call me at {PHONE} please"],
    ["my cell is 415–555–0199", "my cell is {PHONE}"],
    ["My social security number is 219099999.", "My social security number is {SSN}."],
    ["order 3348917502, phone (415) 555-0199", "order 3348917502, phone {PHONE}"],
  ])("redacts %j", (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    "It's {EMAIL}, card {CREDIT_DEBIT_CARD_NUMBER}, phone {PHONE}, name {NAME}",
    "Send it to [email protected] or [email address]",
    "Order #ABC123456 on 2024-04-03 at 10:30, total $1,299.99, account 12345678",
    "card 4111 1111 1111 1112 fails Luhn",
    "Alright [PII] and an @ alone",
    // Issue 9: a 10-digit order id became {PHONE}.
    "A 10-digit order id: order 3348917502, order #3348917502, 3348917502 is my order number",
    "account number is 7788990011, ticket 5551234567, reference 4045550123, confirmation number 8005550100",
    "delivered 2024-04-03 10:30:00, zip 94103-1234, SSN 123 45 and zip 94103-1234",
    "Reference 7165257910215148 was on the invoice (not a card: Luhn fails, not a phone: too long)",
  ])("leaves %j unchanged", (input) => {
    expect(redactPii(input)).toBe(input);
  });

  it("checks cards with Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });

  it("on the labelled fixture (redact-fixture.json): recall >= 0.98 on true PII, precision >= 0.98", () => {
    const cases = loadRedactionFixture();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const score = scoreRedaction(redactPii, cases);
    expect(score.misses).toEqual([]);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
    expect(score.precision).toBeGreaterThanOrEqual(0.98);
    expect(score.typed).toBe(1);
    // The held-out items were written after tuning; their known misses stay visible here.
    expect(score.falsePositives).toEqual([
      '"3348917502" in "account ending {PHONE}"',
      '"7185550123" in "my ticket, {PHONE}, is still open"',
      '"0034 5566 7788 9900" in "reference {CREDIT_DEBIT_CARD_NUMBER} on the letter"',
      '"4111111111111111" in "order {CREDIT_DEBIT_CARD_NUMBER} test"',
    ]);
  });
});

// The validator redacts a call's turns one by one and joins them, instead of redacting the joined
// text a second time: that is only right while no redaction crosses a "Speaker: " prefix or a line.
describe("redacting turn by turn", () => {
  const speakers = ["Agent", "Customer", "spk_0", "spk_1", "ch_0", "ch_1", "AGENT", "caller", ""];
  const cases = loadRedactionFixture();

  it("gives the same text as redacting the whole call, with opaque and empty speaker labels", () => {
    for (let start = 0; start < cases.length; start += 7) {
      const turns = cases.slice(start, start + 7).map((c, i) => ({ speaker: speakers[(start + i) % speakers.length]!, text: c.text }));
      const join = (ts: typeof turns) => ts.map((t) => (t.speaker ? `${t.speaker}: ${t.text}` : t.text)).join("\n");
      expect(join(turns.map((t) => ({ ...t, text: redactPii(t.text) })))).toBe(redactPii(join(turns)));
    }
  });
});

describe("TranscriptValidator redaction", () => {
  const phone = "call me back on 415-555-0134";
  const record = (text: string) => ({ line: 2, callId: "c1", text, turns: [{ speaker: "spk_0", text: "How can I help?" }, { speaker: "spk_1", text: phone }] });

  it("redacts the turns and the text built from them", () => {
    const r = new TranscriptValidator().check(record(`spk_0: How can I help?\nspk_1: ${phone}`));
    expect(r.ok && r.value.text).toBe(`spk_0: How can I help?\nspk_1: call me back on ${PLACEHOLDERS.phone}`);
    expect(r.ok && r.value.turns![1]!.text).toBe(`call me back on ${PLACEHOLDERS.phone}`);
  });

  it("redacts a text that is not the turns joined on its own", () => {
    const r = new TranscriptValidator().check(record(`Agent: How can I help?\n\nCustomer: ${phone}`));
    expect(r.ok && r.value.text).toBe(`Agent: How can I help?\n\nCustomer: call me back on ${PLACEHOLDERS.phone}`);
  });

  it("leaves everything as it was with redaction off", () => {
    const r = new TranscriptValidator({ redact: false }).check(record(`spk_1: ${phone}`));
    expect(r.ok && r.value.text).toBe(`spk_1: ${phone}`);
  });
});
