import Link from "next/link";

/** What the user can do after a job ended badly, from its status and Bedrock's message. */
export function FailureHelp({ status, message, datasetHref, isAdmin }: { status: string; message: string | null; datasetHref: string; isAdmin: boolean }) {
  if (!["Failed", "Expired", "PartiallyCompleted"].includes(status)) return null;
  const m = (message ?? "").toLowerCase();
  const access = /access|denied|role|permission|assume|kms/.test(m);
  // Bedrock's words when a job is under the model's minimum: "needs at least 100 records per batch inference job".
  const minimum = /at least ([\d,]+) records per (batch inference )?job|minimum number of records/.exec(m);
  const quota = !minimum && /quota|limit|minimum|maximum|too many|throttl/.test(m);
  const input = !minimum && /jsonl|record|format|invalid|malformed|schema|modelinput/.test(m);
  const tone = status === "PartiallyCompleted" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-red-200 bg-red-50 text-red-900";
  return (
    <div role="alert" className={`rounded-md border px-4 py-3 text-sm ${tone}`}>
      <p className="font-medium">
        {status === "Failed" && "The job failed."}
        {status === "Expired" && "The job expired: Bedrock scheduled it but it did not start before the timeout."}
        {status === "PartiallyCompleted" && "Not all records could be processed in time."}
      </p>
      {message && <p className="mt-1">Bedrock says: {message}</p>}
      <p className="mt-2 font-medium">What you can do</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {access && (
          <li>
            Check the IAM service role: Bedrock must be able to assume it, read the input prefix and write the output prefix.
            {isAdmin ? <> Run its check under <Link className="underline" href="/admin/service-roles">Admin → Service roles</Link>.</> : " Ask an admin to check it."}
          </li>
        )}
        {minimum && <MinimumAdvice needed={minimum[1]} datasetHref={datasetHref} isAdmin={isAdmin} />}
        {quota && <li>Check the model&apos;s quotas (records per job, file size, concurrent jobs){isAdmin ? <> under <Link className="underline" href="/admin/models">Admin → Models</Link></> : ""}, then submit again.</li>}
        {input && <li>Fix the records named above in the file, upload it again and submit the new dataset.</li>}
        {status === "Expired" && <li>Submit the dataset again; fewer jobs running at once for this model makes it start sooner.</li>}
        {status === "PartiallyCompleted" && <li>The records that were not processed are listed under Errors below; submit them again as a new upload.</li>}
        <li>
          <Link className="underline" href={datasetHref}>Submit the dataset again</Link> once the cause is fixed; the succeeded records of this job stay available.
        </li>
      </ul>
    </div>
  );
}

/** A job under the model's minimum: nothing in the file is wrong, the quota is. */
function MinimumAdvice({ needed, datasetHref, isAdmin }: { needed?: string; datasetHref: string; isAdmin: boolean }) {
  const n = needed ? `${needed} records` : "its minimum number of records";
  return (
    <>
      <li>
        Bedrock runs a batch job for this model only with at least {n}; Recap&apos;s minimum records per job for the model is set lower than that.{" "}
        {isAdmin ? (
          <>Set the model&apos;s minimum to {needed ?? "Bedrock's figure"} under <Link className="underline" href="/admin/models">Admin → Models</Link> (AWS&apos;s &quot;Minimum number of records per batch inference job&quot; quota for the model), so smaller sets are offered on demand instead.</>
        ) : (
          <>Ask an admin to set the model&apos;s minimum to {needed ?? "Bedrock's figure"} under Admin → Models.</>
        )}
      </li>
      <li>
        <Link className="underline" href={datasetHref}>Run the dataset on demand</Link> (one call at a time at on-demand prices), or add transcripts until it has {n}.
      </li>
    </>
  );
}
