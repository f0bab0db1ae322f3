/**
 * How figures and names are matched across a document: digits swapped by a slip of the hand, and
 * the longest run of characters two names share.
 */

/** The two places where two digit strings of one length differ by a swap of their digits, if so. */
export function swapPlaces(a: string, b: string): [number, number] | undefined {
  if (a.length !== b.length || a === b) return undefined;
  const at: number[] = [];
  for (let i = 0; i < a.length && at.length <= 2; i++) if (a[i] !== b[i]) at.push(i);
  const [i, j] = at;
  return at.length === 2 && i !== undefined && j !== undefined && a[i] === b[j] && a[j] === b[i]
    ? [i, j]
    : undefined;
}

/** Two digit strings that differ only by two neighbouring digits swapped (856320, 853620). */
export function swappedNeighbours(a: string, b: string): boolean {
  const at = swapPlaces(a, b);
  return at !== undefined && at[1] === at[0] + 1;
}

/** The length of the longest run of characters two texts share. */
export function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}
