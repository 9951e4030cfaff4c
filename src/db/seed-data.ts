import { seedTypeIds } from './queries/seed-plan.js';

// The rows of seeded networks, made by a seeded PRNG so every run (and either dialect) writes the same ones. Each
// dialect's seeder stores them its own way; the random draws happen here, in one order.

/** Deterministic PRNG (mulberry32): the same seed gives the same database. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ActivityPlan {
  networkIds: string[];
  agencyIds: number[][];
  activities: number;
  from: string;
  to: string;
  random: () => number;
}

export interface SeedActivity {
  networkId: string;
  agencyId: number;
  typeId: string;
  date: string;
  title: string;
}

/** The activities, one at a time (a million of them are never held at once). */
export function* seedActivities(p: ActivityPlan): Generator<SeedActivity> {
  const flat = p.networkIds.flatMap((networkId, i) => p.agencyIds[i]!.map((agencyId) => ({ networkId, agencyId })));
  if (flat.length === 0) return;
  const first = Date.parse(`${p.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - first) / 86_400_000) + 1;
  for (let i = 0; i < p.activities; i++) {
    // Skewed so the busiest agencies and the commonest types stand out, as in real logs.
    const who = flat[Math.floor(p.random() ** 1.5 * flat.length)]!;
    const typeId = seedTypeIds[Math.floor(p.random() ** 2 * seedTypeIds.length)]!;
    const date = new Date(first + Math.floor(p.random() * days) * 86_400_000).toISOString().slice(0, 10);
    yield { ...who, typeId, date, title: `Hoạt động thử nghiệm ${i + 1}` };
  }
}

export interface SeedSubmission {
  agencyId: number;
  answers: Record<string, unknown>;
  late: boolean;
  issues: { kind: 'difficulty' | 'proposal'; text: string }[];
}

/** Per network (in `agencyIds` order), the agencies that submitted and what. Drawn after the activities. */
export function seedSubmissions(
  agencyIds: number[][],
  p: { submittedShare: number; lateShare: number; random: () => number },
): SeedSubmission[][] {
  return agencyIds.map((ids) => {
    const out: SeedSubmission[] = [];
    for (const agencyId of ids) {
      if (p.random() >= p.submittedShare) continue;
      const late = p.random() < p.lateShare;
      const issues = [
        ...(p.random() < 0.2 ? [{ kind: 'difficulty' as const, text: `Khó khăn của cơ quan ${agencyId}` }] : []),
        ...(p.random() < 0.1 ? [{ kind: 'proposal' as const, text: `Đề xuất của cơ quan ${agencyId}` }] : []),
      ];
      out.push({ agencyId, answers: { 'so-tin-bai': Math.floor(p.random() * 50) }, late, issues });
    }
    return out;
  });
}

export const networkIdsOf = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => (i === 0 ? prefix : `${prefix}-${String(i).padStart(2, '0')}`));

export const networkName = (index: number): string => (index === 0 ? 'Tỉnh Thử Nghiệm' : `Xã Thử Nghiệm ${index}`);

export const agencyRow = (i: number) => {
  const n = String(i + 1).padStart(3, '0');
  return { slug: `co-quan-${n}`, name: `Cơ quan số ${n}`, searchKey: `co quan so ${n}`, sortOrder: i };
};
