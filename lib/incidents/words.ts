// The words customers use about an incident (dashboard, issue 17 item 6): the most frequent terms of the linked
// complaints' subjects and descriptions. Chinese has no spaces, so Han text is cut into character pairs (bigrams)
// and pairs holding a function character (的, 了, 我 …) are dropped; other text is cut into words without stop words.
// Counted once per complaint (how many customers say it), so one long letter does not outweigh a hundred short ones.
import "server-only";
import { db } from "@/lib/db";

const HAN_STOP = new Set([
  ..."的了是我你他她它们在和也就都这那与及或被把吗呢吧啊很还又要会对从到给让说请您个一上下中来去得地着过没有为以其之而",
]);
const WORD_STOP = new Set(
  "the a an and or but of to in on at for with from by is are was were be been being it its this that these those i me my we our you your he she they them their his her not no yes have has had do does did so as if then than there here what which who when where why how all any can could would should will just also very about into out up down over again more most some such only own same too s t don now am flight please".split(
    " ",
  ),
);

/** Terms of one text, each once. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const a = chars[i] as string;
      const b = chars[i + 1] as string;
      if (!HAN_STOP.has(a) && !HAN_STOP.has(b)) terms.add(a + b);
    }
  }
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    // Codes with digits (flight numbers, references) are the incident's scope, not what customers feel.
    if (/\p{Script=Han}/u.test(word) || word.length < 3 || /\d/.test(word) || WORD_STOP.has(word)) continue;
    terms.add(word);
  }
  return terms;
}

/** The `limit` most frequent terms with how many texts use them; ties by term, so the order is stable. */
export function topTerms(texts: readonly string[], limit = 20): { term: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const term of termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, count]) => count > 1 || texts.length <= 3)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([term, count]) => ({ term, count }));
}

/** The terms of the incident's most recent 2,000 linked complaints. */
export async function incidentWords(incidentId: number, limit = 20) {
  const rows = await db.complaint.findMany({
    where: { incidentId },
    orderBy: { id: "desc" },
    take: 2_000,
    select: { subject: true, description: true },
  });
  return topTerms(
    rows.map((row) => `${row.subject}\n${row.description}`),
    limit,
  );
}
