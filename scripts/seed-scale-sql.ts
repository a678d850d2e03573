// The SQL behind `npm run seed:scale`: everything generated in the database. Ids start "seed-" and
// are zero-padded, so a chunk is an id range and --reset finds every seeded row. With `bigJob` the
// first bigJob rows are one dataset, batch and job of that size (the job page's worst case, 50,000
// records a job); the rest are numbered after it in batches and jobs as before.

export const SEED_OWNERS = ["seed-sup-1", "seed-sup-2"];
const BATCH = 25_000;
const JOB = 1_000;

const TOPICS = [
  "billing", "refund", "late fee", "payment plan", "autopay", "invoice error", "price increase", "cancellation",
  "upgrade", "downgrade", "new account", "address change", "password reset", "mobile app login", "outage",
  "slow internet", "router", "installation", "technician visit", "equipment return", "roaming", "data usage",
  "contract terms", "promotion", "loyalty discount", "complaint", "escalation", "fraud alert", "card declined",
  "shipping delay", "damaged item", "exchange", "warranty", "credit check", "porting number", "sim card",
  "voicemail", "parental controls", "tv channels", "streaming",
];
// Rising in the last 30 days: the benchmark's "rising topics" have something to find.
const RISING = ["mobile app login", "price increase", "outage"];
const TEAMS = ["Billing East", "Billing West", "Retention", "Tech Tier 1", "Tech Tier 2", "Sales", "Onboarding", "Field Service", "Mobile", "Fraud", "Collections", "Escalations"];
const FIRST = [
  "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kira", "Liam", "Maya", "Nikhil", "Olga", "Pablo",
  "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zane", "Amara", "Bruno", "Carmen", "Dmitri",
  "Esme", "Felix", "Gita", "Hugo", "Ivy", "Jonas", "Keiko", "Luca", "Mei", "Noor",
];
const ACTIONS = [
  "The agent verified the account and explained the charges line by line", "The agent apologised and checked the recent history",
  "The agent walked the customer through the steps on the call", "The agent escalated the case to a specialist team",
  "The agent reviewed the notes from the previous contact", "The agent compared the plan options with the customer",
  "The agent ran a remote diagnostic", "The agent placed the customer on a short hold to confirm with billing",
];
const OUTCOMES = [
  "The issue was resolved on the call.", "A credit was applied to the next bill.", "A follow-up call was scheduled for later this week.",
  "The customer was not satisfied and asked for a supervisor.", "A ticket was opened and the reference number was shared.",
  "The customer agreed to try the fix and call back if needed.", "The change takes effect from the next billing cycle.",
  "The customer cancelled the service.",
];
const MODELS = [
  { id: "seed-m-1", modelId: "seed.anthropic.claude-3-haiku", name: "Claude 3 Haiku (seeded)", family: "anthropic", input: 0.125, output: 0.625 },
  { id: "seed-m-2", modelId: "seed.amazon.nova-lite", name: "Nova Lite (seeded)", family: "nova", input: 0.03, output: 0.12 },
  { id: "seed-m-3", modelId: "seed.meta.llama3-8b", name: "Llama 3 8B (seeded)", family: "llama", input: 0.15, output: 0.3 },
];

const arr = (xs: string[]) => `(ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}])`;
const pad = (expr: string) => `lpad((${expr})::text, 10, '0')`;

export function seedScaleSql(opts: { days: number; bigJob?: number }) {
  const owners = arr(SEED_OWNERS);
  const big = opts.bigJob ?? 0;
  const after = big > 0 ? 1 : 0;
  // Dataset/batch and job number of row i, in TypeScript (chunk ranges) and in SQL (the rows).
  const batchOf = (i: number) => (i < big ? 0 : after + Math.floor((i - big) / BATCH));
  const jobOf = (i: number) => (i < big ? 0 : after + Math.floor((i - big) / JOB));
  const batchSql = (i: string) => `CASE WHEN ${i} < ${big} THEN 0 ELSE ${after} + (${i} - ${big}) / ${BATCH} END`;
  const jobSql = (i: string) => `CASE WHEN ${i} < ${big} THEN 0 ELSE ${after} + (${i} - ${big}) / ${JOB} END`;
  const isBig = (n: string) => (big > 0 ? `${n} = 0` : "false");
  // The call's recordId as the app makes it (lib/jsonl recordIdFor: "RC" and its 1-based ordinal in
  // its dataset), so a job's failed records are found as for an uploaded dataset.
  const recordId = (i: string) => `'RC' || lpad((CASE WHEN ${i} < ${big} THEN ${i} ELSE (${i} - ${big}) % ${BATCH} END + 1)::text, 9, '0')`;
  const setup = `
    INSERT INTO "user" (id, name, email, role, "emailVerified", "createdAt", "updatedAt") VALUES
      ('seed-sup-1', 'Seeded Supervisor One', 'seed-sup-1@example.com', 'supervisor', true, now(), now()),
      ('seed-sup-2', 'Seeded Supervisor Two', 'seed-sup-2@example.com', 'supervisor', true, now(), now())
    ON CONFLICT DO NOTHING;
    INSERT INTO "ModelConfig" (id, "modelId", name, family, enabled, "inputPricePerMTok", "outputPricePerMTok", "createdAt", "updatedAt") VALUES
      ${MODELS.map((m) => `('${m.id}', '${m.modelId}', '${m.name}', '${m.family}', false, ${m.input}, ${m.output}, now(), now())`).join(",\n      ")}
    ON CONFLICT DO NOTHING;
    INSERT INTO "PromptTemplate" (id, name, "createdAt") VALUES ('seed-tpl', 'Seeded call summary', now()) ON CONFLICT DO NOTHING;
    INSERT INTO "PromptTemplateVersion" (id, "templateId", version, body, "expectsJson", "createdAt")
      VALUES ('seed-tv', 'seed-tpl', 1, 'Summarize: {{transcript}}', true, now()) ON CONFLICT DO NOTHING;`;

  // One chunk of rows [from, to): datasets, batches and jobs it needs, transcripts, results, topics.
  const chunk = (from: number, to: number) => `
    INSERT INTO "Dataset" (id, name, "fileName", format, "sizeBytes", sha256, "createdById", "recordCount", "createdAt")
    SELECT 'seed-d-' || ${pad("b")}, 'Seeded calls ' || (b + 1), 'seeded-' || (b + 1) || '.csv', 'csv', 0, 'seed', (${owners})[b % 2 + 1],
           CASE WHEN ${isBig("b")} THEN ${big} ELSE ${BATCH} END, now()
    FROM generate_series(${batchOf(from)}, ${batchOf(to - 1)}) b ON CONFLICT DO NOTHING;
    INSERT INTO "Batch" (id, name, "datasetId", "modelConfigId", "templateVersionId", "createdById", status, "recordCount", "createdAt")
    SELECT 'seed-b-' || ${pad("b")}, 'Seeded batch ' || (b + 1), 'seed-d-' || ${pad("b")}, 'seed-m-' || (b % 3 + 1), 'seed-tv', (${owners})[b % 2 + 1], 'submitted',
           CASE WHEN ${isBig("b")} THEN ${big} ELSE ${BATCH} END, now()
    FROM generate_series(${batchOf(from)}, ${batchOf(to - 1)}) b ON CONFLICT DO NOTHING;
    INSERT INTO "Job" (id, "batchId", part, "jobName", "clientRequestToken", "jobArn", status, "inputS3Uri", "outputS3Uri", "recordCount", "ingestedAt", "createdAt", "endTime")
    SELECT 'seed-j-' || ${pad("j")}, 'seed-b-' || ${pad(`CASE WHEN ${isBig("j")} THEN 0 ELSE ${after} + (j - ${after}) / ${BATCH / JOB} END`)},
           CASE WHEN ${isBig("j")} THEN 1 ELSE (j - ${after}) % ${BATCH / JOB} + 1 END, 'seeded-' || j, 'seed-' || j,
           'arn:aws:bedrock:us-east-1:000000000000:model-invocation-job/seed' || lpad(j::text, 8, '0'), 'Completed',
           's3://recap/seed/in/', 's3://recap/seed/out/', CASE WHEN ${isBig("j")} THEN ${big} ELSE ${JOB} END, now(), now(), now()
    FROM generate_series(${jobOf(from)}, ${jobOf(to - 1)}) j ON CONFLICT DO NOTHING;

    WITH g AS MATERIALIZED (
      SELECT i, ${batchSql("i")} AS b, ${jobSql("i")} AS j, ${recordId("i")} AS "recordId", x.*,
             ${arr(FIRST)}[x.k % 40 + 1] || ' ' || chr(65 + x.k / 40) || '.' AS agent,
             ${arr(TEAMS)}[x.k % 12 + 1] AS team,
             CASE WHEN x.rs < 0.35 THEN 'positive' WHEN x.rs < 0.62 THEN 'neutral' WHEN x.rs < 0.9 THEN 'negative' ELSE 'mixed' END AS sentiment,
             ARRAY(SELECT DISTINCT t FROM unnest(ARRAY[
               ${arr(TOPICS)}[floor(power(x.r1, 1.7) * 40)::int + 1],
               CASE WHEN x.r2 < 0.6 THEN ${arr(TOPICS)}[floor(power(x.r3, 1.3) * 40)::int + 1] END,
               CASE WHEN x.age < 30 AND x.r4 < 0.3 THEN ${arr(RISING)}[floor(x.r5 * 3)::int + 1] END]) t WHERE t IS NOT NULL) AS topics
      FROM generate_series(${from}, ${to - 1}) i
      CROSS JOIN LATERAL (
        SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS rs, random() AS ra, random() AS ro,
               -- agents of owner 1 work in teams 1-6, of owner 2 in teams 7-12
               12 * floor(random() * 20)::int + ((${batchSql("i")}) % 2) * 6 + floor(random() * 6)::int AS k,
               random() * ${opts.days} AS age,
               CASE WHEN random() < 0.1 THEN NULL ELSE 60 + floor(-ln(1 - random()) * 320)::int END AS dur,
               800 + floor(random() * 2200)::int AS tin, 80 + floor(random() * 170)::int AS tout,
               random() < 0.02 AS failed
        WHERE i IS NOT NULL) x
    ), t AS (
      INSERT INTO "Transcript" (id, "datasetId", "callId", "recordId", text, "charCount", agent, team, "callStartAt", "durationSec", direction, language, "customerId", metadata)
      SELECT 'seed-t-' || ${pad("i")}, 'seed-d-' || ${pad("b")}, 'CALL-' || ${pad("i")}, "recordId",
             'Agent: Thank you for calling, this is ' || agent || '. Customer: Hi, I am calling about ' || topics[1] || '.', 80,
             agent, team, (now() AT TIME ZONE 'UTC') - age * interval '1 day', dur,
             CASE WHEN ro < 0.85 THEN 'inbound' ELSE 'outbound' END, CASE WHEN ro < 0.9 THEN 'en-US' ELSE 'es-US' END,
             'CUST-' || lpad((floor(ra * 400000))::text, 6, '0'), jsonb_build_object('site', CASE WHEN ro < 0.5 THEN 'Austin' ELSE 'Manila' END)
      FROM g
    )
    INSERT INTO "Result" (id, "jobId", "recordId", "transcriptId", ok, summary, fields, sentiment, "inputTokens", "outputTokens", "errorCode", "errorMessage",
                          "ownerId", "modelConfigId", "callAt", agent, team, "durationSec", "costUsd", "createdAt")
    SELECT 'seed-r-' || ${pad("i")}, 'seed-j-' || ${pad("j")}, "recordId", 'seed-t-' || ${pad("i")}, NOT failed,
           CASE WHEN failed THEN NULL ELSE 'The customer called about ' || array_to_string(topics, ' and ') || '. '
             || ${arr(ACTIONS)}[floor(r2 * 8)::int + 1] || '. ' || ${arr(OUTCOMES)}[floor(r3 * 8)::int + 1] END,
           CASE WHEN failed THEN NULL ELSE jsonb_build_object('summary', 'The customer called about ' || array_to_string(topics, ' and ') || '.',
             'reason_for_call', initcap(topics[1]), 'resolution', ${arr(OUTCOMES)}[floor(r3 * 8)::int + 1], 'customer_sentiment', sentiment,
             'action_items', CASE WHEN r4 < 0.5 THEN '[]'::jsonb ELSE jsonb_build_array('Follow up on ' || topics[1]) END,
             'topics', to_jsonb(topics)) END,
           CASE WHEN failed THEN NULL ELSE sentiment END, CASE WHEN failed THEN NULL ELSE tin END, CASE WHEN failed THEN NULL ELSE tout END,
           CASE WHEN failed THEN 400 END, CASE WHEN failed THEN 'Malformed input request' END,
           (${owners})[b % 2 + 1], 'seed-m-' || (b % 3 + 1), (now() AT TIME ZONE 'UTC') - age * interval '1 day', agent, team, dur,
           CASE WHEN failed THEN NULL ELSE (tin * (${arr(MODELS.map((m) => String(m.input)))})[b % 3 + 1]::float8
             + tout * (${arr(MODELS.map((m) => String(m.output)))})[b % 3 + 1]::float8) / 1e6 END,
           now()
    FROM g;

    INSERT INTO "ResultTopic" ("resultId", topic, "ownerId", "callAt", sentiment, agent, team)
    SELECT r.id, x.topic, r."ownerId", r."callAt", r.sentiment, r.agent, r.team
    FROM "Result" r CROSS JOIN LATERAL jsonb_array_elements_text(r.fields->'topics') AS x(topic)
    WHERE r.id >= 'seed-r-' || ${pad(String(from))} AND r.id < 'seed-r-' || ${pad(String(to))} AND r.ok
    ON CONFLICT DO NOTHING;`;

  const sums = `count(*) FILTER (WHERE sentiment = 'positive'), count(*) FILTER (WHERE sentiment = 'neutral'),
                count(*) FILTER (WHERE sentiment = 'negative'), count(*) FILTER (WHERE sentiment = 'mixed')`;
  const rollups = `
    DELETE FROM "RollupDay" WHERE "ownerId" = ANY(${owners});
    DELETE FROM "RollupAgentDay" WHERE "ownerId" = ANY(${owners});
    DELETE FROM "RollupTopicDay" WHERE "ownerId" = ANY(${owners});
    INSERT INTO "RollupDay" ("day", "ownerId", "modelConfigId", "team", calls, positive, neutral, negative, mixed, "durationSum", "durationCount", "costUsd")
    SELECT "callAt"::date, "ownerId", "modelConfigId", coalesce(team, ''), count(*), ${sums}, coalesce(sum("durationSec"), 0), count("durationSec"), coalesce(sum("costUsd"), 0)
    FROM "Result" WHERE ok AND "ownerId" = ANY(${owners}) GROUP BY 1, 2, 3, 4;
    INSERT INTO "RollupAgentDay" ("day", "ownerId", "team", "agent", calls, positive, neutral, negative, mixed, "durationSum", "durationCount", "costUsd")
    SELECT "callAt"::date, "ownerId", coalesce(team, ''), coalesce(agent, ''), count(*), ${sums}, coalesce(sum("durationSec"), 0), count("durationSec"), coalesce(sum("costUsd"), 0)
    FROM "Result" WHERE ok AND "ownerId" = ANY(${owners}) GROUP BY 1, 2, 3, 4;
    INSERT INTO "RollupTopicDay" ("day", "ownerId", topic, calls, positive, neutral, negative, mixed)
    SELECT "callAt"::date, "ownerId", topic, count(*), ${sums}
    FROM "ResultTopic" WHERE "ownerId" = ANY(${owners}) GROUP BY 1, 2, 3;`;

  const reset = `
    DELETE FROM "Result" WHERE id LIKE 'seed-%';
    DELETE FROM "Job" WHERE id LIKE 'seed-%';
    DELETE FROM "Batch" WHERE id LIKE 'seed-%';
    DELETE FROM "Dataset" WHERE id LIKE 'seed-%';
    ${rollups}`;
  return { setup, chunk, rollups, reset };
}
