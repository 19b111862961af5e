"use client";
// Recharts charts of the dashboards, fed with server-computed rows. Clicking a bar/point opens the complaint queue
// behind it (the same links are in each chart's table alternative, for keyboard and screen-reader users).
import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { WrappedTick } from "@/components/dashboard/wrapped-tick";

const COLORS = {
  brand: "#3a48df",
  brandLight: "#9bb2fd",
  success: "#12b76a",
  warning: "#f79009",
  danger: "#f04438",
  slate: "#94a3b8",
};
const AXIS = { fontSize: 11, fill: "#64748b" };

function useDrill(hrefs: readonly string[]) {
  const router = useRouter();
  return (index: number | undefined) => {
    const href = index === undefined ? undefined : hrefs[index];
    if (href) router.push(href);
  };
}

type Labels = Record<string, string>;

export function FlowChart({
  rows,
  hrefs,
  labels,
  ariaLabel,
}: {
  rows: { day: string; inflow: number; outflow: number }[];
  hrefs: { inflow: string[]; outflow: string[] };
  labels: Labels;
  ariaLabel: string;
}) {
  const drillIn = useDrill(hrefs.inflow);
  const drillOut = useDrill(hrefs.outflow);
  return (
    <div role="img" aria-label={ariaLabel} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={AXIS} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
          <YAxis tick={AXIS} allowDecimals={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            isAnimationActive={false}
            dataKey="inflow"
            name={labels.inflow}
            fill={COLORS.brand}
            cursor="pointer"
            onClick={(_, index) => drillIn(index)}
          />
          <Bar
            isAnimationActive={false}
            dataKey="outflow"
            name={labels.outflow}
            fill={COLORS.success}
            cursor="pointer"
            onClick={(_, index) => drillOut(index)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SurveyTrendChart({
  rows,
  targets,
  labels,
  ariaLabel,
}: {
  rows: { day: string; csat: number | null; nps: number | null }[];
  targets: { csat: number | null; nps: number | null };
  labels: Labels;
  ariaLabel: string;
}) {
  const data = rows.map((row) => ({
    day: row.day,
    csat: row.csat === null ? null : Math.round(row.csat * 1000) / 10,
    nps: row.nps === null ? null : Math.round(row.nps * 10) / 10,
  }));
  return (
    <div role="img" aria-label={ariaLabel} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={AXIS} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
          <YAxis tick={AXIS} domain={[-100, 100]} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {targets.csat === null ? null : (
            <ReferenceLine y={targets.csat * 100} stroke={COLORS.brand} strokeDasharray="4 4" />
          )}
          {targets.nps === null ? null : (
            <ReferenceLine y={targets.nps} stroke={COLORS.warning} strokeDasharray="4 4" />
          )}
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="csat"
            name={labels.csat}
            stroke={COLORS.brand}
            connectNulls
            dot={false}
            strokeWidth={2}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="nps"
            name={labels.nps}
            stroke={COLORS.warning}
            connectNulls
            dot={false}
            strokeWidth={2}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Horizontal-free simple bar chart: one bar per row, clickable. */
export function SimpleBarChart({
  rows,
  hrefs,
  name,
  ariaLabel,
  color = "brand",
}: {
  rows: { label: string; value: number }[];
  hrefs: string[];
  name: string;
  ariaLabel: string;
  color?: keyof typeof COLORS;
}) {
  const drill = useDrill(hrefs);
  return (
    <div role="img" aria-label={ariaLabel} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} interval={0} />
          <YAxis tick={AXIS} allowDecimals={false} />
          <Tooltip />
          <Bar
            isAnimationActive={false}
            dataKey="value"
            name={name}
            fill={COLORS[color]}
            cursor="pointer"
            onClick={(_, index) => drill(index)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Pareto: bars by count (descending) and the cumulative share as a line on a second axis. */
export function ParetoChart({
  rows,
  hrefs,
  labels,
  ariaLabel,
}: {
  rows: { label: string; count: number; cumulative: number }[];
  hrefs: string[];
  labels: Labels;
  ariaLabel: string;
}) {
  const drill = useDrill(hrefs);
  return (
    <div role="img" aria-label={ariaLabel} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 0, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" interval={0} height={40} tick={<WrappedTick fontSize={AXIS.fontSize} />} />
          <YAxis yAxisId="count" tick={AXIS} allowDecimals={false} />
          <YAxis yAxisId="share" orientation="right" tick={AXIS} domain={[0, 100]} unit="%" />
          <Tooltip />
          <Bar
            isAnimationActive={false}
            yAxisId="count"
            dataKey="count"
            name={labels.count}
            fill={COLORS.brand}
            cursor="pointer"
            onClick={(_, index) => drill(index)}
          />
          <Line
            isAnimationActive={false}
            yAxisId="share"
            type="monotone"
            dataKey="cumulative"
            name={labels.cumulative}
            stroke={COLORS.warning}
            strokeWidth={2}
            dot={{ r: 2 }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SlaTeamChart({
  rows,
  hrefs,
  target,
  labels,
  ariaLabel,
}: {
  rows: { label: string; response: number | null; resolution: number | null }[];
  hrefs: { response: string[]; resolution: string[] };
  target: number | null;
  labels: Labels;
  ariaLabel: string;
}) {
  const drillResponse = useDrill(hrefs.response);
  const drillResolution = useDrill(hrefs.resolution);
  const data = rows.map((row) => ({
    label: row.label,
    response: row.response === null ? null : Math.round(row.response * 1000) / 10,
    resolution: row.resolution === null ? null : Math.round(row.resolution * 1000) / 10,
  }));
  return (
    <div role="img" aria-label={ariaLabel} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} interval={0} />
          <YAxis tick={AXIS} domain={[0, 100]} unit="%" />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {target === null ? null : <ReferenceLine y={target * 100} stroke={COLORS.danger} strokeDasharray="4 4" />}
          <Bar
            isAnimationActive={false}
            dataKey="response"
            name={labels.response}
            fill={COLORS.brand}
            cursor="pointer"
            onClick={(_, index) => drillResponse(index)}
          />
          <Bar
            isAnimationActive={false}
            dataKey="resolution"
            name={labels.resolution}
            fill={COLORS.brandLight}
            cursor="pointer"
            onClick={(_, index) => drillResolution(index)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
