"use client";

import { useFormatter } from "next-intl";
import { useId, useSyncExternalStore } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";

/**
 * How a series reads: the main quantity (blue area or line), a second one to compare (orange line), a
 * limit such as capacity (near-black, dashed) and a projection (purple, dotted). Blue/orange and the dash
 * patterns stay apart for every kind of colour blindness and in greyscale.
 */
export type ChartTone = "primary" | "secondary" | "limit" | "forecast";

export interface TimeChartSeries {
  /** The property of each data point holding this series' value. */
  key: string;
  label: string;
  tone: ChartTone;
  kind: "area" | "line";
  /** Steps (a value holds until the next point; the default) or straight segments (a trend). */
  step?: boolean;
}

/** A moment drawn as a vertical line (a denial, a crossing date) and listed under the table. */
export interface TimeChartMarker {
  t: number;
  label: string;
}

export type TimeChartTicks = "time" | "date" | "month";

export type TimeChartPoint = { t: number } & Record<string, number | null>;

export interface TimeChartProps {
  title: string;
  /** One sentence with the figures a reader needs without the picture (peak, p95, …): the text alternative. */
  summary: string;
  /** `t` is epoch ms; a null value is a gap. */
  data: readonly TimeChartPoint[];
  series: readonly TimeChartSeries[];
  /** How the time axis reads: clock times (a day), dates (weeks, months) or months (a year). */
  ticks: TimeChartTicks;
  /** The tooltip and the table show each point's clock time too. */
  withTime: boolean;
  labels: { yAxis: string; xAxis: string; time: string; tableToggle: string; tableCaption: string; markers?: string };
  markers?: readonly TimeChartMarker[];
  height?: number;
  /** `<testId>` the figure, `<testId>-summary`, `<testId>-table`, `<testId>-markers`. */
  testId?: string;
}

const TONES: Record<ChartTone, { color: string; dash?: string; fill?: number }> = {
  primary: { color: "#2563eb", fill: 0.15 },
  secondary: { color: "#ea580c" },
  limit: { color: "#0f172a", dash: "6 4" },
  forecast: { color: "#7c3aed", dash: "2 3" },
};
const MARKER = "#b91c1c";

const subscribeNothing = () => () => {};
/** False on the server and during hydration: Recharts measures the DOM, so the server renders a placeholder. */
const useMounted = () => useSyncExternalStore(subscribeNothing, () => true, () => false);

const TICK_FORMATS = {
  time: { hour: "2-digit", minute: "2-digit" },
  date: { day: "numeric", month: "short" },
  month: { month: "short", year: "2-digit" },
} as const satisfies Record<TimeChartTicks, object>;

/**
 * Values over time: the one chart wrapper over Recharts. Props only — the data comes shaped (bucketed,
 * gap-filled) from `lib/`. Renders a figure with its title, summary and legend, the chart once in the
 * browser, and the data as a collapsible table for readers who cannot see the chart.
 */
export function TimeChart({ title, summary, data, series, ticks, withTime, labels, markers = [], height = 300, testId }: TimeChartProps) {
  const format = useFormatter();
  const mounted = useMounted();
  const titleId = useId();
  const summaryId = useId();
  const tick = (t: number) => format.dateTime(new Date(t), TICK_FORMATS[ticks]);
  const when = (t: number) => format.dateTime(new Date(t), withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
  const value = (v: number | null | undefined) => (v === null || v === undefined ? "—" : format.number(v, { maximumFractionDigits: 1 }));
  const rows = data.map((p) => ({ ...p }));
  const markerLabels = new Map<number, string[]>();
  for (const m of markers) markerLabels.set(m.t, [...(markerLabels.get(m.t) ?? []), m.label]);
  const tid = (suffix: string) => (testId ? `${testId}-${suffix}` : undefined);
  // Dates and months: a tick at the first point of each day (month) in the reader's zone, at most ~10 of them,
  // so hourly buckets over a few days do not print the same date under every tick.
  let tickValues: number[] | undefined;
  if (ticks !== "time") {
    const firsts: number[] = [];
    let previous = "";
    for (const p of data) {
      const label = tick(p.t);
      if (label !== previous) firsts.push(p.t);
      previous = label;
    }
    const step = Math.max(1, Math.ceil(firsts.length / 10));
    tickValues = firsts.filter((_, i) => i % step === 0);
  }

  return (
    <figure aria-labelledby={titleId} aria-describedby={summaryId} data-testid={testId} className="flex min-w-0 flex-col gap-3">
      <figcaption>
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <p id={summaryId} data-testid={tid("summary")} className="mt-1 text-sm text-slate-600">
          {summary}
        </p>
      </figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <Swatch tone={s.tone} kind={s.kind} />
            {s.label}
          </li>
        ))}
        {markers.length > 0 && labels.markers && (
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 border-l-2 border-dashed" style={{ borderColor: MARKER }} />
            {labels.markers}
          </li>
        )}
      </ul>
      <div style={{ height }} className="w-full" aria-hidden={mounted ? undefined : true}>
        {mounted ? (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
            <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                ticks={tickValues}
                tickFormatter={tick}
                tick={{ fill: "#334155", fontSize: 12 }}
                stroke="#94a3b8"
                minTickGap={24}
                label={{ value: labels.xAxis, position: "insideBottom", offset: -16, fill: "#475569", fontSize: 12 }}
              />
              <YAxis
                allowDecimals={false}
                tickFormatter={(v: number) => format.number(v)}
                tick={{ fill: "#334155", fontSize: 12 }}
                stroke="#94a3b8"
                width={48}
                label={{ value: labels.yAxis, angle: -90, position: "insideLeft", fill: "#475569", fontSize: 12 }}
              />
              <Tooltip content={(props) => <ChartTooltip {...props} when={when} value={value} series={series} markerLabels={markerLabels} />} />
              {markers.map((m, i) => (
                <ReferenceLine key={`${m.t}-${i}`} x={m.t} stroke={MARKER} strokeDasharray="3 3" strokeWidth={1} ifOverflow="hidden" />
              ))}
              {series.map((s) => {
                const tone = TONES[s.tone];
                const type = s.step === false ? "linear" : "stepAfter";
                return s.kind === "area" ? (
                  <Area key={s.key} type={type} dataKey={s.key} name={s.label} stroke={tone.color} strokeWidth={2} strokeDasharray={tone.dash} fill={tone.color} fillOpacity={tone.fill ?? 0.1} connectNulls={false} isAnimationActive={false} />
                ) : (
                  <Line key={s.key} type={type} dataKey={s.key} name={s.label} stroke={tone.color} strokeWidth={s.tone === "limit" ? 1.5 : 2} strokeDasharray={tone.dash} dot={false} connectNulls={false} isAnimationActive={false} />
                );
              })}
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-accent-700 hover:underline">{labels.tableToggle}</summary>
        <div className="relative mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left tabular-nums" data-testid={tid("table")}>
            <caption className="sr-only">{labels.tableCaption}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-1 pr-4 font-medium">
                  {labels.time}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-4 text-right font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.t} className="border-b border-slate-100">
                  <td className="py-1 pr-4">{when(p.t)}</td>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-4 text-right">
                      {value(p[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {markers.length > 0 && labels.markers && (
            <>
              <h3 className="mt-3 font-medium text-slate-700">{labels.markers}</h3>
              <ul className="mt-1 list-disc pl-5 text-slate-700" data-testid={tid("markers")}>
                {markers.map((m, i) => (
                  <li key={`${m.t}-${i}`}>
                    {when(m.t)}: {m.label}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </details>
    </figure>
  );
}

function Swatch({ tone, kind }: { tone: ChartTone; kind: TimeChartSeries["kind"] }) {
  const { color, dash } = TONES[tone];
  return kind === "area" ? (
    <span className="inline-block h-2.5 w-2.5 border" style={{ background: `${color}33`, borderColor: color }} />
  ) : (
    <span className={`inline-block w-4 border-t-2 ${dash ? (tone === "forecast" ? "border-dotted" : "border-dashed") : ""}`} style={{ borderColor: color }} />
  );
}

function ChartTooltip({
  active,
  payload,
  label,
  when,
  value,
  series,
  markerLabels,
}: TooltipContentProps & { when: (t: number) => string; value: (v: number | null | undefined) => string; series: readonly TimeChartSeries[]; markerLabels: Map<number, string[]> }) {
  const point = payload?.[0]?.payload as TimeChartPoint | undefined;
  if (!active || !point) return null;
  const t = typeof label === "number" ? label : point.t;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-medium text-slate-900">{when(t)}</p>
      {series.map((s) => (
        <p key={s.key} className="flex items-center gap-2 text-slate-700">
          <Swatch tone={s.tone} kind={s.kind} />
          {s.label}: <span className="font-semibold tabular-nums">{value(point[s.key])}</span>
        </p>
      ))}
      {(markerLabels.get(point.t) ?? []).map((m) => (
        <p key={m} className="mt-1 text-red-800">
          {m}
        </p>
      ))}
    </div>
  );
}
