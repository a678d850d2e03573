import { z } from "zod";

/** A checkbox or toggle: true/false, or the strings a form posts. */
export const flag = z.preprocess((v) => (v === "true" || v === "on" ? true : v === "false" || v === "off" || v === undefined ? false : v), z.boolean());

/** A whole number from a form field, with a message that names the limits. */
export function wholeNumber(min: number, max: number) {
  return z.coerce
    .number({ message: "Enter a number." })
    .int("Enter a whole number.")
    .min(min, `At least ${min.toLocaleString("en-US")}.`)
    .max(max, `At most ${max.toLocaleString("en-US")}.`);
}

/** A decimal from a form field. */
export function decimal(min: number, max: number) {
  return z.coerce.number({ message: "Enter a number." }).min(min, `At least ${min}.`).max(max, `At most ${max}.`);
}

/** A decimal from a form field that may be left blank (null). */
export function optionalDecimal(min: number, max: number) {
  return z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), decimal(min, max).nullable());
}

/** Empty form text becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));
