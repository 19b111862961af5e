// The search pieces shared by the knowledge queries: the SQL match (GIN-indexed `searchVector` against the query
// built in SQL by knowledge_search_query: Chinese bigrams and English stems, all required) and the suggestion query
// (any bigram or word, ranked).
import { Prisma } from "@/lib/generated/prisma/client";

/** A version row `v` matches every word of the text. */
export function articleMatches(text: string): Prisma.Sql {
  return Prisma.sql`v."searchVector" @@ knowledge_search_query(${text})`;
}

/** Any word of a longer text (a complaint's subject and description): the AND query turned into OR. */
export function anyWordQuery(text: string): Prisma.Sql {
  return Prisma.sql`replace(knowledge_search_query(${text})::text, '&', '|')::tsquery`;
}

export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
