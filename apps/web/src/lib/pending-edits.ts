/**
 * Edits not yet on the server, across pages. An editor registers a flush for as long as it is
 * mounted; leaving it (unmount) starts its last save, which is tracked here until it ends. Logout
 * waits for every flush before ending the session, and a page that loads an evaluation waits for
 * the saves still on their way, so it never shows the version before them.
 */
/** Saves what is pending; true when the server has everything typed. */
type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();
const inFlight = new Set<Promise<void>>();

/** Registers a flush; the returned function unregisters it. */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Tracks a save started by a page that is going away, until it ends (well or not). */
export function trackSave(save: Promise<void>): void {
  const done = save.catch(() => undefined);
  inFlight.add(done);
  void done.then(() => inFlight.delete(done));
}

/** Flushes every mounted editor and waits for every save on its way; true when all saved. */
export async function flushPendingEdits(): Promise<boolean> {
  const results = await Promise.all([...flushes].map((f) => f().catch(() => false)));
  await savesSettled();
  return results.every(Boolean);
}

/** Waits for the saves started by pages that went away. */
export async function savesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

/** The browser's copy of an edit that has not reached the server yet, per evaluation. */
export interface UnsavedCopy {
  /** The version the edit was based on. */
  version: number;
  body: unknown;
  savedAt: string;
}

const copyKey = (id: string) => `jixiao:unsaved:${id}`;

export function keepUnsavedCopy(id: string, version: number, body: unknown): void {
  try {
    const copy: UnsavedCopy = { version, body, savedAt: new Date().toISOString() };
    localStorage.setItem(copyKey(id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server save is still attempted; nothing else to do.
  }
}

export function readUnsavedCopy(id: string): UnsavedCopy | null {
  try {
    const text = localStorage.getItem(copyKey(id));
    if (!text) return null;
    const v = JSON.parse(text) as Partial<UnsavedCopy>;
    if (typeof v.version !== 'number' || v.body === null || typeof v.body !== 'object') return null;
    return { version: v.version, body: v.body, savedAt: String(v.savedAt ?? '') };
  } catch {
    return null;
  }
}

export function dropUnsavedCopy(id: string): void {
  try {
    localStorage.removeItem(copyKey(id));
  } catch {
    // Nothing to drop where storage is unavailable.
  }
}
