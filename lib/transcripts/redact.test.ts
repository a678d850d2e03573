import { describe, expect, it } from "vitest";
import { luhnValid, redactPii } from "./redact";

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
  ])("redacts %j", (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    "It's {EMAIL}, card {CREDIT_DEBIT_CARD_NUMBER}, phone {PHONE}, name {NAME}",
    "Send it to [email protected] or [email address]",
    "Order #ABC123456 on 2024-04-03 at 10:30, total $1,299.99, account 12345678",
    "card 4111 1111 1111 1112 fails Luhn",
    "Alright [PII] and an @ alone",
  ])("leaves %j unchanged", (input) => {
    expect(redactPii(input)).toBe(input);
  });

  it("checks cards with Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });
});
