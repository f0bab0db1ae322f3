import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { errorText } from '../api.ts';
import { attachmentsApi, indicatorKey, type Attachment } from './attachments-api.ts';

export interface AttachmentsSnapshot {
  items: Attachment[];
  loaded: boolean;
  error: string | null;
}

/**
 * An evaluation's supporting documents, shared by the panel and the indicator rows' counts: one
 * object per evaluation page whose readers subscribe, so an upload re-renders the counts that
 * change and not the indicator table.
 */
export class AttachmentsStore {
  snapshot: AttachmentsSnapshot = { items: [], loaded: false, error: null };
  private readonly listeners = new Set<() => void>();
  private counts = new Map<string, number>();

  constructor(
    readonly evaluationId: string | number,
    readonly editable: boolean,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private publish(next: Partial<AttachmentsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    this.counts = new Map();
    for (const a of this.snapshot.items) {
      if (a.indicator === null) continue;
      const key = indicatorKey(a.indicator);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    for (const l of this.listeners) l();
  }

  /** Files tied to the indicator with these names. */
  countFor(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  async refresh(): Promise<void> {
    try {
      const { items } = await attachmentsApi.list(this.evaluationId);
      this.publish({ items, loaded: true, error: null });
    } catch (e) {
      this.publish({ loaded: true, error: errorText(e) });
    }
  }

  async upload(file: File, options: { indicator: string[] | null; public: boolean }) {
    const added = await attachmentsApi.upload(this.evaluationId, file, options);
    this.publish({ items: [...this.snapshot.items, added] });
  }

  async setPublic(id: string, value: boolean) {
    const changed = await attachmentsApi.setPublic(id, value);
    this.publish({ items: this.snapshot.items.map((a) => (a.id === id ? changed : a)) });
  }

  async remove(id: string) {
    await attachmentsApi.remove(id);
    this.publish({ items: this.snapshot.items.filter((a) => a.id !== id) });
  }
}

const AttachmentsContext = createContext<AttachmentsStore | null>(null);

/** Loads an evaluation's supporting documents for the components below. */
export function AttachmentsProvider(props: {
  evaluationId: string | number;
  editable: boolean;
  children: ReactNode;
}) {
  const { evaluationId, editable } = props;
  const current = useMemo(
    () => new AttachmentsStore(evaluationId, editable),
    [evaluationId, editable],
  );
  useEffect(() => {
    void current.refresh();
  }, [current]);
  return (
    <AttachmentsContext.Provider value={current}>{props.children}</AttachmentsContext.Provider>
  );
}

export function useAttachmentsStore(): AttachmentsStore | null {
  return useContext(AttachmentsContext);
}

const EMPTY: AttachmentsSnapshot = { items: [], loaded: false, error: null };
const never = () => () => undefined;

export function useAttachments(): AttachmentsSnapshot {
  const store = useAttachmentsStore();
  return useSyncExternalStore(store?.subscribe ?? never, () => store?.snapshot ?? EMPTY);
}
