/**
 * A reproducible random sample for quality assurance: each candidate gets a pseudo-random rank from a hash of
 * the seed and its id, and the n lowest ranks are the sample. The same seed over the same records always gives
 * the same sample, and a record added later never pushes out one already drawn unless it ranks lower.
 */
export function drawSample<T extends { id: string }>(candidates: readonly T[], n: number, seed: string): T[] {
  return candidates
    .map((c) => ({ c, rank: hash53(`${seed}\u0000${c.id}`) }))
    .sort((a, b) => a.rank - b.rank || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, Math.max(0, n))
    .map(({ c }) => c);
}

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain); plenty for ranking, not for secrets. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
