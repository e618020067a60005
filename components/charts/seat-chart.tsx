"use client";

import { useFormatter } from "next-intl";
import { useId, useSyncExternalStore } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";

/** One bucket as the chart draws it: `t` its start (epoch ms), seats held (top watermark) and capacity. */
export interface SeatChartPoint {
  t: number;
  inUse: number;
  capacity: number;
}

/** How the time axis reads: clock times (a day), dates (a week, 90 days) or months (a year). */
export type SeatChartTicks = "time" | "date" | "month";

export interface SeatChartProps {
  title: string;
  /** One sentence with the figures a reader needs without the picture (peak, p95, …). */
  summary: string;
  data: readonly SeatChartPoint[];
  ticks: SeatChartTicks;
  /** The tooltip and the table show the bucket's clock time too (buckets shorter than a day). */
  withTime: boolean;
  labels: { inUse: string; capacity: string; yAxis: string; xAxis: string; time: string; tableToggle: string; tableCaption: string };
  height?: number;
  testId?: string;
}

// Blue against near-black dashed: distinct for every kind of colour blindness, and in greyscale by the dash.
const HELD = "#2563eb";
const CAPACITY = "#0f172a";

const subscribeNothing = () => () => {};
/** False on the server and during hydration: Recharts measures the DOM, so the server renders a placeholder. */
const useMounted = () => useSyncExternalStore(subscribeNothing, () => true, () => false);

const TICK_FORMATS = {
  time: { hour: "2-digit", minute: "2-digit" },
  date: { day: "numeric", month: "short" },
  month: { month: "short", year: "2-digit" },
} as const satisfies Record<SeatChartTicks, object>;

/**
 * Seats held over time against capacity: the one chart wrapper over Recharts. Props only — the series comes
 * bucketed and gap-filled (`lib/seats/series`). Renders a figure with its title and summary, the chart once in
 * the browser, and the series as a collapsible table for readers who cannot see the chart.
 */
export function SeatChart({ title, summary, data, ticks, withTime, labels, height = 300, testId }: SeatChartProps) {
  const format = useFormatter();
  const mounted = useMounted();
  const titleId = useId();
  const summaryId = useId();
  const tick = (t: number) => format.dateTime(new Date(t), TICK_FORMATS[ticks]);
  const when = (t: number) => format.dateTime(new Date(t), withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
  const seats = (n: number) => format.number(n);
  const rows = data.map((p) => ({ ...p }));

  return (
    <figure aria-labelledby={titleId} aria-describedby={summaryId} data-testid={testId} className="flex flex-col gap-3">
      <figcaption>
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <p id={summaryId} data-testid={testId ? `${testId}-summary` : undefined} className="mt-1 text-sm text-slate-600">
          {summary}
        </p>
      </figcaption>
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
                tickFormatter={tick}
                tick={{ fill: "#334155", fontSize: 12 }}
                stroke="#94a3b8"
                minTickGap={24}
                label={{ value: labels.xAxis, position: "insideBottom", offset: -16, fill: "#475569", fontSize: 12 }}
              />
              <YAxis
                allowDecimals={false}
                tickFormatter={seats}
                tick={{ fill: "#334155", fontSize: 12 }}
                stroke="#94a3b8"
                width={48}
                label={{ value: labels.yAxis, angle: -90, position: "insideLeft", fill: "#475569", fontSize: 12 }}
              />
              <Tooltip content={(props) => <ChartTooltip {...props} when={when} seats={seats} labels={labels} />} />
              <Legend verticalAlign="top" align="right" height={28} wrapperStyle={{ fontSize: 12, color: "#334155" }} />
              <Area type="stepAfter" dataKey="inUse" name={labels.inUse} stroke={HELD} strokeWidth={2} fill={HELD} fillOpacity={0.15} legendType="square" isAnimationActive={false} />
              <Line type="stepAfter" dataKey="capacity" name={labels.capacity} stroke={CAPACITY} strokeWidth={1.5} strokeDasharray="6 4" dot={false} legendType="plainline" isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-accent-700 hover:underline">{labels.tableToggle}</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left tabular-nums" data-testid={testId ? `${testId}-table` : undefined}>
            <caption className="sr-only">{labels.tableCaption}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-1 pr-4 font-medium">
                  {labels.time}
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  {labels.inUse}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {labels.capacity}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.t} className="border-b border-slate-100">
                  <td className="py-1 pr-4">{when(p.t)}</td>
                  <td className="py-1 pr-4 text-right">{seats(p.inUse)}</td>
                  <td className="py-1 text-right">{seats(p.capacity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function ChartTooltip({ active, payload, label, when, seats, labels }: TooltipContentProps & { when: (t: number) => string; seats: (n: number) => string; labels: SeatChartProps["labels"] }) {
  const point = payload?.[0]?.payload as SeatChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-medium text-slate-900">{when(typeof label === "number" ? label : point.t)}</p>
      <p className="flex items-center gap-2 text-slate-700">
        <span aria-hidden="true" className="inline-block h-2.5 w-2.5" style={{ background: HELD }} />
        {labels.inUse}: <span className="font-semibold tabular-nums">{seats(point.inUse)}</span>
      </p>
      <p className="flex items-center gap-2 text-slate-700">
        <span aria-hidden="true" className="inline-block w-2.5 border-t-2 border-dashed" style={{ borderColor: CAPACITY }} />
        {labels.capacity}: <span className="font-semibold tabular-nums">{seats(point.capacity)}</span>
      </p>
    </div>
  );
}
