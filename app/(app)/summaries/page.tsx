export default function Page() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Summaries</h1>
      <p className="mt-2 text-slate-600">Coming with the core flow.</p>
    </div>
  );
}
