/*
 * The widths where the layout changes, for TypeScript (matchMedia). The CSS writes the same
 * values in its media queries (a custom property can't stand in a media query), and tokens.css
 * lists them as --breakpoint-*; tests/unit/styles.test.ts fails if any of the three disagree or
 * a media query uses a width not listed here.
 */
export const BREAKPOINTS = {
  /** A small phone: labels above their fields, tabs as a 2×2 grid. */
  phone: '30rem',
  /** A phone: compact buttons grow to full touch size, the printable page wraps. */
  small: '40rem',
  /** Below a tablet: each agenda row becomes a card, the printed agenda stacks. */
  tablet: '48rem',
} as const;

/** A small phone (the plan's tabs are a 2×2 grid). */
export const PHONE = `(max-width: ${BREAKPOINTS.phone})`;

/** Narrower than a tablet (the agenda's rows are cards). */
export const BELOW_TABLET = `(max-width: ${BREAKPOINTS.tablet})`;
