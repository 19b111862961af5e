import type { ReactNode } from "react";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";

type HomeHeaderProps = { name: string; now: Date; subtitle: ReactNode; actions?: ReactNode };

/** Greeting by the hour of the service centre's time zone, today's date, and a one-line summary. */
export async function HomeHeader({ name, now, subtitle, actions }: HomeHeaderProps) {
  const [t, format, timeZone] = await Promise.all([getTranslations("home"), getFormatter(), getTimeZone()]);
  const hour = Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone }).format(now));
  const greeting = hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
  return (
    <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <p className="text-[13px] font-medium text-slate-500">
          {format.dateTime(now, { weekday: "long", year: "numeric", month: "long", day: "numeric" })}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
          {t(`greeting.${greeting}`, { name })}
        </h1>
        <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}
