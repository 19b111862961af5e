// Which complaints belong to an incident: created in its window (from the start when none is given), about one of
// its flights (on its service dates), airports, products, categories or words. One rule, written twice: as a Prisma
// where (the proposal and the bulk link) and as a pure function (linking at creation); tests keep them in step.
import type { Prisma } from "@/lib/generated/prisma/client";

export type IncidentScope = {
  startedAt: Date;
  flightNumbers: string[];
  serviceDateFrom: Date | null;
  serviceDateTo: Date | null;
  airports: string[];
  affected: string[]; // products / routes
  categoryIds: number[];
  keywords: string[];
  windowStart: Date | null;
  windowEnd: Date | null;
};

export type MatchableComplaint = {
  createdAt: Date;
  flightNumber: string | null;
  serviceDate: Date | null;
  categoryId: number | null;
  subcategoryId: number | null;
  subject: string;
  description: string;
  bookingReference: string | null;
};

/** Complaints that are finished as rejected or duplicates never join an incident. */
export const UNLINKABLE_STATUSES = ["rejected", "duplicate"] as const;

function words(scope: IncidentScope): string[] {
  return [...scope.airports, ...scope.affected, ...scope.keywords].filter((word) => word.trim().length > 0);
}

export function hasCriteria(scope: IncidentScope): boolean {
  return scope.flightNumbers.length + scope.categoryIds.length + words(scope).length > 0;
}

export function matchWhere(scope: IncidentScope): Prisma.ComplaintWhereInput {
  if (!hasCriteria(scope)) return { id: -1 };
  const criteria: Prisma.ComplaintWhereInput[] = [];
  if (scope.flightNumbers.length > 0) {
    const dates =
      scope.serviceDateFrom || scope.serviceDateTo
        ? {
            serviceDate: {
              ...(scope.serviceDateFrom ? { gte: scope.serviceDateFrom } : {}),
              ...(scope.serviceDateTo ? { lte: scope.serviceDateTo } : {}),
            },
          }
        : {};
    criteria.push({ flightNumber: { in: scope.flightNumbers }, ...dates });
  }
  if (scope.categoryIds.length > 0)
    criteria.push({ categoryId: { in: scope.categoryIds } }, { subcategoryId: { in: scope.categoryIds } });
  for (const word of words(scope)) {
    criteria.push(
      { subject: { contains: word, mode: "insensitive" } },
      { description: { contains: word, mode: "insensitive" } },
      { bookingReference: { equals: word, mode: "insensitive" } },
    );
  }
  return {
    incidentId: null,
    status: { notIn: [...UNLINKABLE_STATUSES] },
    createdAt: { gte: scope.windowStart ?? scope.startedAt, ...(scope.windowEnd ? { lte: scope.windowEnd } : {}) },
    OR: criteria,
  };
}

const sameDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);

export function matchesScope(scope: IncidentScope, complaint: MatchableComplaint): boolean {
  if (!hasCriteria(scope)) return false;
  if (complaint.createdAt < (scope.windowStart ?? scope.startedAt)) return false;
  if (scope.windowEnd && complaint.createdAt > scope.windowEnd) return false;
  if (complaint.flightNumber && scope.flightNumbers.includes(complaint.flightNumber.toUpperCase())) {
    const date = complaint.serviceDate;
    const fromOk =
      !scope.serviceDateFrom ||
      (date !== null && (date >= scope.serviceDateFrom || sameDay(date, scope.serviceDateFrom)));
    const toOk =
      !scope.serviceDateTo || (date !== null && (date <= scope.serviceDateTo || sameDay(date, scope.serviceDateTo)));
    if (fromOk && toOk) return true;
  }
  if (complaint.categoryId !== null && scope.categoryIds.includes(complaint.categoryId)) return true;
  if (complaint.subcategoryId !== null && scope.categoryIds.includes(complaint.subcategoryId)) return true;
  const subject = complaint.subject.toLowerCase();
  const description = complaint.description.toLowerCase();
  return words(scope).some((word) => {
    const needle = word.toLowerCase();
    return (
      subject.includes(needle) || description.includes(needle) || complaint.bookingReference?.toLowerCase() === needle
    );
  });
}

export const scopeSelect = {
  startedAt: true,
  flightNumbers: true,
  serviceDateFrom: true,
  serviceDateTo: true,
  airports: true,
  affected: true,
  categoryIds: true,
  keywords: true,
  windowStart: true,
  windowEnd: true,
} as const;
