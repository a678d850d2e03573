// lib/jsonl: Bedrock batch input lines, record ids, quotas and job parts. Isomorphic.
//
// The pipeline, used by the upload route and bench/convert.ts alike:
//
//   const { lines, summary } = convertToJsonl(fileStream, {
//     fileName: "calls.csv",               // format from the extension, else sniffed
//     lineTemplate: compileLineTemplate(modelInputWith("{{transcript}}")),  // or buildModelInput
//     quotas,                              // the model's Bedrock quotas
//     expected,                            // optional {records, bytes} from a first pass: balanced parts
//     redact: true,                        // default; PII -> {EMAIL}, {PHONE}, ...
//   });
//   for await (const { part, line, recordId, callId } of lines) await sink(part, line + "\n");
//   summary // { accepted, problems, problemCount, parts: [{part, records, bytes}], plan, notes }
//
// It is pulled: nothing is parsed until the consumer asks for the next line, so a slow S3
// upload slows the parser (back-pressure) and memory stays flat. recordIds are
// recordIdFor(n) for the n-th accepted transcript, so two passes give the same ids.
export { convertToJsonl, type ConvertOptions, type ConvertedLine, type ConvertSummary, type Conversion } from "./convert";
export { recordIdFor, ordinalOf, RECORD_ID_PATTERN, MAX_ORDINAL } from "./record-id";
export { compileLineTemplate, lineFromModelInput, escapeJsonString, TRANSCRIPT_PLACEHOLDER, type LineTemplate } from "./line-template";
export { planJobs, partByteLimit, DEFAULT_QUOTAS, type Quotas, type JobPlan, type JobPart } from "./plan-jobs";
export { PartAssigner, splitIntoParts, type PartStats } from "./split-parts";
export { validateInputLine, validateBatchInput, type InputCheck } from "./validate-input";
export { utf8Length } from "./byte-length";
