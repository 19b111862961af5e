// Quiet hours (pure): non-urgent SMS (surveys, reminders) are not sent between quietStartHour and quietEndHour in the
// customer's time zone; they wait for the end of the quiet period.

function localParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? "0");
  return {
    year: value("year"),
    month: value("month"),
    day: value("day"),
    hour: value("hour"),
    minute: value("minute"),
    second: value("second"),
  };
}

/** The instant at which the wall clock of `timeZone` shows the given local time (DST gaps resolve forward). */
function instantOf(local: { year: number; month: number; day: number; hour: number }, timeZone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour);
  const shown = localParts(new Date(guess), timeZone);
  const offset = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second) - guess;
  return new Date(guess - offset);
}

export function isQuietHour(hour: number, startHour: number, endHour: number): boolean {
  if (startHour === endHour) return false;
  return startHour > endHour ? hour >= startHour || hour < endHour : hour >= startHour && hour < endHour;
}

/** `now` when sending is allowed now, otherwise the end of the current quiet period. */
export function earliestSendTime(now: Date, timeZone: string, startHour: number, endHour: number): Date {
  const local = localParts(now, timeZone);
  if (!isQuietHour(local.hour, startHour, endHour)) return now;
  // After the start on the evening side of midnight, the quiet period ends the next day.
  const nextDay = startHour > endHour && local.hour >= startHour;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (nextDay ? 1 : 0)));
  return instantOf(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: endHour },
    timeZone,
  );
}
