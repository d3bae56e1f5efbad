import { createContext, useContext, useSyncExternalStore } from 'react';

/** What a row's time cell shows: its times, and flags for the next day, a pin, a gap, an overlap. */
export interface TimeLabel {
  time: string;
  flags: readonly { kind: 'day' | 'pinned' | 'gap' | 'overlap'; text: string }[];
}

const sameLabel = (a: TimeLabel | undefined, b: TimeLabel): boolean =>
  a !== undefined &&
  a.time === b.time &&
  a.flags.length === b.flags.length &&
  a.flags.every((flag, i) => flag.kind === b.flags[i]!.kind && flag.text === b.flags[i]!.text);

/**
 * The rows' time labels, formatted once per schedule, in a small store the time cells subscribe
 * to one by one. A changed length re-renders only the cells whose times changed: no row with its
 * fields, and no walk of the whole agenda's tree (which a changing context value would cost).
 */
export class TimeLabels {
  private labels: readonly TimeLabel[] = [];
  private readonly listeners = new Set<() => void>();

  /** Takes new labels, keeping the old object wherever a label reads the same. */
  set(next: readonly TimeLabel[]): void {
    let changed = next.length !== this.labels.length;
    const merged = next.map((label, i) => {
      const previous = this.labels[i];
      if (sameLabel(previous, label)) return previous!;
      changed = true;
      return label;
    });
    if (!changed) return;
    this.labels = merged;
    for (const listener of this.listeners) listener();
  }

  get(index: number): TimeLabel | undefined {
    return this.labels[index];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The agenda's label store; the object never changes, so providing it costs nothing later. */
export const ScheduleContext = createContext<TimeLabels>(new TimeLabels());

/** The label of the row at `index`, re-rendering only when that label changes. */
export function useTimeLabel(index: number): TimeLabel | undefined {
  const store = useContext(ScheduleContext);
  return useSyncExternalStore(store.subscribe, () => store.get(index));
}
