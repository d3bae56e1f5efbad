import { clsx } from 'clsx';
import type { ComponentPropsWithRef } from 'react';

// Its sheet, button.css beside it, loads with the first page (main.tsx): every page has buttons,
// and the features' own sheets must come after it to refine it.

/** The looks a button has (the `.button` classes of button.css). */
export interface ButtonLook {
  /** primary: the one filled action of a place; quiet: no frame, for secondary actions. */
  variant?: 'primary' | 'quiet';
  /** small: the compact buttons of rows (they still grow to 44 px on touch screens). */
  size?: 'small' | 'large';
  /** Removes or deletes something. */
  danger?: boolean;
  /** A square button holding one symbol (↑, ↓), named by its aria-label. */
  icon?: boolean;
}

/** The class names of a look, for what is a button to the eye but not in the page (a link). */
export function buttonClass(
  { variant, size, danger, icon }: ButtonLook = {},
  className?: string,
): string {
  return clsx(
    'button',
    variant && `button--${variant}`,
    size && `button--${size}`,
    danger && 'button--danger',
    icon && 'button--icon',
    className,
  );
}

export type ButtonProps = ComponentPropsWithRef<'button'> & ButtonLook;

/** A `<button>` with the app's look; `type="button"` unless it is given (a form's submit). */
export function Button({ variant, size, danger, icon, className, type, ...props }: ButtonProps) {
  return (
    <button
      // A button in a form submits it unless told otherwise: say "button" unless asked to submit.
      type={type ?? 'button'}
      className={buttonClass({ variant, size, danger, icon }, className)}
      {...props}
    />
  );
}
