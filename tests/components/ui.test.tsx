import { render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button, buttonClass } from '@/ui/button';
import { Dialog } from '@/ui/dialog';
import { Field } from '@/ui/field';
import { useSameList } from '@/ui/hooks/use-same-list';
import { SafeLink } from '@/ui/safe-link';
import { createTestI18n, renderWithI18n } from '../test-utils';

describe('UI primitives', () => {
  it('a Button never submits its form unless asked, and wears the looks it is given', async () => {
    const user = userEvent.setup({ delay: null });
    const submit = vi.fn((e: Event) => e.preventDefault());
    render(
      <form onSubmit={(e) => submit(e.nativeEvent)}>
        <Button variant="quiet" size="small" danger>
          Delete
        </Button>
        <Button type="submit" variant="primary" className="extra">
          Save
        </Button>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveClass(
      'button',
      'button--quiet',
      'button--small',
      'button--danger',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Save' }).className).toBe(
      'button button--primary extra',
    );
    expect(buttonClass()).toBe('button');
    expect(buttonClass({ size: 'small', icon: true })).toBe('button button--small button--icon');
  });

  it('a Field names its control and describes it by its error and hint', () => {
    const { rerender } = render(
      <Field label="Phone" hint="With the country code">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Phone' });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveAccessibleDescription('With the country code');
    rerender(
      <Field label="Phone" hint="With the country code" error="Use digits only">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Use digits only With the country code');
  });

  it('a Dialog opens as a modal, holds its content only while open, and reports its closing', async () => {
    const user = userEvent.setup({ delay: null });
    const closed = vi.fn();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <Button onClick={() => setOpen(true)}>Open</Button>
          <Dialog
            open={open}
            labelledBy="t"
            onClose={() => {
              closed();
              setOpen(false);
            }}
          >
            <h2 id="t">Hello</h2>
            <Button onClick={() => setOpen(false)}>Close</Button>
          </Dialog>
        </>
      );
    }
    render(<Host />);
    expect(screen.queryByRole('heading', { name: 'Hello' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog', { name: 'Hello' })).toHaveAttribute('open');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('heading', { name: 'Hello' })).toBeNull();
  });
});

describe('SafeLink', () => {
  it('opens a web page in a new tab and says so; a mail link opens mail, with no word of a tab', async () => {
    renderWithI18n(
      <>
        <SafeLink href="https://hourofcode.com/us">The guide</SafeLink>
        <SafeLink href="mailto:press@code.org?bcc=x@example.com">press@code.org</SafeLink>
        <SafeLink href="javascript:alert(1)">Trap</SafeLink>
      </>,
      await createTestI18n(),
    );
    const web = screen.getByRole('link', { name: /^The guide\s*\(opens in a new tab\)$/ });
    expect(web).toHaveAttribute('target', '_blank');
    expect(web).toHaveAttribute('rel', 'noopener noreferrer');
    const mail = screen.getByRole('link', { name: 'press@code.org' });
    expect(mail).toHaveAttribute('href', 'mailto:press@code.org');
    expect(mail).not.toHaveAttribute('target');
    expect(screen.queryByRole('link', { name: /Trap/ })).not.toBeInTheDocument();
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
  });
});

describe('useSameList', () => {
  it('keeps the earlier array while the items and their order are the same', () => {
    const { result, rerender } = renderHook(({ list }) => useSameList(list), {
      initialProps: { list: ['a', 'b'] },
    });
    const first = result.current;
    rerender({ list: ['a', 'b'] });
    expect(result.current).toBe(first);

    const reordered = ['b', 'a'];
    rerender({ list: reordered });
    expect(result.current).toBe(reordered);
    rerender({ list: ['b', 'a'] });
    expect(result.current).toBe(reordered);

    const longer = ['b', 'a', 'c'];
    rerender({ list: longer });
    expect(result.current).toBe(longer);
    const empty: string[] = [];
    rerender({ list: empty });
    expect(result.current).toBe(empty);
  });

  it('tells values apart as Object.is does: an id with a line break is one id', () => {
    const { result, rerender } = renderHook(({ list }) => useSameList(list), {
      initialProps: { list: ['a\nb'] },
    });
    expect(result.current).toEqual(['a\nb']);
    const split = ['a', 'b'];
    rerender({ list: split });
    expect(result.current).toBe(split);
    const numbers = renderHook(({ list }) => useSameList(list), {
      initialProps: { list: [Number.NaN, 0] },
    });
    const nan = numbers.result.current;
    numbers.rerender({ list: [Number.NaN, 0] });
    expect(numbers.result.current).toBe(nan);
    numbers.rerender({ list: [Number.NaN, -0] });
    expect(numbers.result.current).not.toBe(nan);
  });
});
