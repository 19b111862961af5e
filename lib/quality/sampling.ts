// Monthly sampling plan for quality inspection (pure; issue 22 item 4, groundwork): every handled complaint with a
// low CSAT, an escalation or a reopen is inspected, plus N others drawn at random per agent; a complaint already
// inspected is never drawn again. The draw is seeded, so a plan can be re-computed and audited.

export type HandledComplaint = {
  id: number;
  agentId: number;
  csat: number | null;
  escalated: boolean;
  reopened: boolean;
};
export type SampleReason = "low_csat" | "escalated" | "reopened" | "random";
export type Sampled = { id: number; agentId: number; reason: SampleReason };

export const LOW_CSAT = 2; // CSAT of 1–2 out of 5 (SPEC §5)

function mustInspect(complaint: HandledComplaint): SampleReason | null {
  if (complaint.csat !== null && complaint.csat <= LOW_CSAT) return "low_csat";
  if (complaint.escalated) return "escalated";
  if (complaint.reopened) return "reopened";
  return null;
}

/** mulberry32: a small deterministic PRNG, enough for a fair, reproducible draw. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function planSample(
  complaints: readonly HandledComplaint[],
  options: { perAgent: number; alreadySampled: ReadonlySet<number>; seed: number },
): Sampled[] {
  const next = random(options.seed);
  const picked: Sampled[] = [];
  const seen = new Set<number>(options.alreadySampled);
  const byAgent = new Map<number, HandledComplaint[]>();
  for (const complaint of [...complaints].sort((a, b) => a.id - b.id)) {
    if (seen.has(complaint.id)) continue;
    seen.add(complaint.id); // a complaint listed twice is considered once
    const reason = mustInspect(complaint);
    if (reason) picked.push({ id: complaint.id, agentId: complaint.agentId, reason });
    else byAgent.set(complaint.agentId, [...(byAgent.get(complaint.agentId) ?? []), complaint]);
  }
  for (const agentId of [...byAgent.keys()].sort((a, b) => a - b)) {
    const pool = [...byAgent.get(agentId)!];
    // Partial Fisher–Yates: the first `perAgent` positions become a uniform random sample.
    const take = Math.min(Math.max(0, Math.floor(options.perAgent)), pool.length);
    for (let index = 0; index < take; index += 1) {
      const swap = index + Math.floor(next() * (pool.length - index));
      [pool[index], pool[swap]] = [pool[swap]!, pool[index]!];
      picked.push({ id: pool[index]!.id, agentId, reason: "random" });
    }
  }
  return picked;
}
