import { getTranslations } from "next-intl/server";

/** `href(weekday, hour)`: the queue showing exactly the complaints counted in that cell. */
type HeatmapProps = {
  cells: { weekday: number; hour: number; count: number }[];
  href: (weekday: number, hour: number) => string;
};

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const; // Monday first, as Chinese calendars show the week
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

// Weekday × hour grid as a real table (readable by screen readers); the colour scale is relative to the busiest hour.
export async function Heatmap({ cells, href }: HeatmapProps) {
  const t = await getTranslations("dashboard.charts.heatmap");
  const counts = new Map(cells.map((cell) => [`${cell.weekday}-${cell.hour}`, cell.count]));
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-0.5 text-[10px]">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-10 text-left font-medium text-slate-500">
              <span className="sr-only">{t("weekday")}</span>
            </th>
            {HOURS.map((hour) => (
              <th key={hour} scope="col" className="font-normal text-slate-500 tabular-nums">
                {hour % 3 === 0 ? hour : <span className="sr-only">{hour}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEK.map((weekday) => (
            <tr key={weekday}>
              <th scope="row" className="pr-1 text-left font-medium text-slate-600">
                {t(`weekdays.${weekday}`)}
              </th>
              {HOURS.map((hour) => {
                const count = counts.get(`${weekday}-${hour}`) ?? 0;
                const intensity = count / max;
                const label = t("cell", { weekday: t(`weekdays.${weekday}`), hour, count });
                return (
                  <td key={hour} className="p-0">
                    <a
                      href={href(weekday, hour)}
                      data-testid={`heatmap-cell-${weekday}-${hour}`}
                      title={label}
                      aria-label={label}
                      className="focus-ring block h-5 min-w-4 rounded-sm"
                      style={{
                        backgroundColor: count === 0 ? "#f1f5f9" : `rgba(58, 72, 223, ${0.12 + intensity * 0.88})`,
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
