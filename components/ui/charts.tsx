"use client";
// Thin wrappers over recharts. Each chart is a figure with a caption and a screen-reader list of
// its numbers, since an SVG chart says nothing to assistive technology.
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Datum = { name: string; value: number; color?: string };

export const PALETTE = ["#2359b8", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#64748b", "#0ea5e9", "#ec4899"];

function SrList({ data, unit }: { data: Datum[]; unit?: string }) {
  return (
    <ul className="sr-only">
      {data.map((d) => (
        <li key={d.name}>
          {d.name}: {d.value.toLocaleString("en-US")}
          {unit ? ` ${unit}` : ""}
        </li>
      ))}
    </ul>
  );
}

function Figure({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-medium text-slate-700">{caption}</figcaption>
      {children}
    </figure>
  );
}

/** Bars from name/value pairs; horizontal layout suits long names (topics). */
export function BarChartFigure({ caption, data, unit, horizontal = false, height = 220 }: { caption: string; data: Datum[]; unit?: string; horizontal?: boolean; height?: number }) {
  return (
    <Figure caption={caption}>
      <div aria-hidden style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ left: horizontal ? 24 : 0, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {horizontal ? <XAxis type="number" allowDecimals={false} fontSize={12} /> : <XAxis dataKey="name" fontSize={12} interval={0} />}
            {horizontal ? <YAxis type="category" dataKey="name" width={110} fontSize={12} /> : <YAxis allowDecimals={false} fontSize={12} />}
            <Tooltip />
            <Bar dataKey="value" name={unit ?? "count"} isAnimationActive={false}>
              {data.map((d, i) => (
                <Cell key={d.name} fill={d.color ?? PALETTE[i % PALETTE.length]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <SrList data={data} unit={unit} />
    </Figure>
  );
}

export function DonutFigure({ caption, data, height = 200 }: { caption: string; data: Datum[]; height?: number }) {
  const shown = data.filter((d) => d.value > 0);
  return (
    <Figure caption={caption}>
      <div aria-hidden style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={shown} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="85%" isAnimationActive={false}>
              {shown.map((d, i) => (
                <Cell key={d.name} fill={d.color ?? PALETTE[i % PALETTE.length]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <SrList data={data} />
    </Figure>
  );
}

/** One line over time; `points` are already bucketed (e.g. per hour or day). */
export function LineFigure({ caption, points, unit, height = 220, decimals = false }: { caption: string; points: Datum[]; unit: string; height?: number; decimals?: boolean }) {
  return (
    <Figure caption={caption}>
      <div aria-hidden style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="name" fontSize={12} />
            <YAxis allowDecimals={decimals} fontSize={12} />
            <Tooltip />
            <Line type="monotone" dataKey="value" name={unit} stroke={PALETTE[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <SrList data={points} unit={unit} />
    </Figure>
  );
}
