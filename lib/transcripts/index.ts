// lib/transcripts: parse uploads of any supported format into validated, PII-redacted
// Transcript values, streamed. Isomorphic (browser preview and server); the zip reader is in
// ./read-zip (Node only) and must be imported from there.
export type { Transcript, Turn, Problem, ProblemCode, ParseResult, InputFormat, ParseNotes } from "./types";
export { estimateTokens } from "./tokens";
export { parseTranscripts, parseTranscriptFiles, formatFromFileName, formatFromContent } from "./parse-transcripts";
export type { ParseOptions, ByteSource } from "./parse-transcripts";
export { sniffCsv, type CsvSniff } from "./sniff-csv";
export { CsvParser, parseCsvText, type CsvRow } from "./csv-parser";
export { guessIdColumn, guessTextColumn, guessDelimiter } from "./columns";
export { redactPii, luhnValid, PLACEHOLDERS } from "./redact";
export { decodeText, toChunks } from "./decode";
export { TranscriptValidator, type ValidateOptions } from "./validate";
export { parseTurns, turnsToText, callIdFromFileName } from "./parse-text";
export { modelInputText, splitInstruction } from "./parse-jsonl";
export { formatLabel, type RoleOptions } from "./shape";
export { guessRoles, canonicalRole, swapRoles } from "./roles";
export { mostlyDuplicates, MAX_TURNS_PER_CALL } from "./group-turns";
export type { CsvGrouping } from "./parse-csv";
