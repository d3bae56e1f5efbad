import { clsx } from 'clsx';
import './icon.css';

/*
 * The few symbols the plan's page shows beside a label (back, undo, redo, open/close), drawn
 * rather than typed: arrows like ↶ and ▾ are missing from most text fonts, so the browser would
 * search the system's fonts for each of them (a slow first layout on some systems), and the
 * font it finds draws them differently from one system to the next.
 */
const ICONS = {
  back: { solid: false, d: 'M13 8H3.5M7.5 4 3.5 8l4 4' },
  undo: { solid: false, d: 'M5.5 3.5 2.5 6.5l3 3M2.5 6.5H10a3.5 3.5 0 0 1 0 7H7.5' },
  redo: { solid: false, d: 'M10.5 3.5l3 3-3 3M13.5 6.5H6a3.5 3.5 0 0 0 0 7h2.5' },
  open: { solid: true, d: 'M3.5 6h9L8 11.5z' },
  close: { solid: true, d: 'M3.5 10.5h9L8 5z' },
} as const;

export type IconName = keyof typeof ICONS;

/** A symbol the size of the text around it, in its colour; hidden from assistive technology. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  const { solid, d } = ICONS[name];
  return (
    <svg
      className={clsx('icon', solid && 'icon--solid', className)}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
