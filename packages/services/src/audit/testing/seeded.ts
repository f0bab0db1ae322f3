/**
 * A small deterministic generator (mulberry32), so that generated test material and benchmark
 * data are the same on every run. A string seed (a file's name) is hashed first (FNV-1a over
 * its UTF-16 code units); a number is taken as the state.
 */
export function seeded(seed: string | number): () => number {
  let state: number;
  if (typeof seed === 'number') state = seed >>> 0;
  else {
    let h = 2166136261;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    state = h >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
