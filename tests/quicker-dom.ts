/*
 * Two costs of the component tests that say nothing about the app, taken out (tests/setup.ts
 * loads this before any test). Measured with a CPU profile of the run of show's component tests:
 * together a fifth of their time.
 */
import * as React from 'react';

/*
 * 1. React's development build captures a stack trace (an `Error`) and a console task for every
 *    element it creates, up to 10,000 per render, so that a warning can say which component made
 *    the element ("owner stacks"). jsdom pages re-render on every event a test sends: about a
 *    tenth of the time went there. Telling React its budget is spent makes it use one shared
 *    stack instead, as it does after 10,000 elements anyway; its warnings still show, naming
 *    fewer owners. If React renames its counter, this defines an unused property and
 *    the tests simply run at the old speed.
 */
const internals = (React as unknown as Record<string, object | undefined>)
  .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
if (internals)
  Object.defineProperty(internals, 'recentlyCreatedOwnerStacks', {
    get: () => 10_000,
    set: () => {},
    configurable: true,
  });

/*
 * 2. A form control's labels. Role queries name every field they consider, and a field's name
 *    comes from its labels: jsdom finds them by walking the whole page and, for each label there,
 *    walking the page again to find the field it names (quadratic in the page's size; an agenda
 *    row has five labelled fields). The same answer, as the HTML standard defines it (the labels
 *    whose labelled control is the field, in tree order), found from the field's id and its
 *    ancestors. tests/components/quicker-dom.test.tsx checks it against jsdom's own `control`.
 */
const LABELABLE = 'button, input:not([type="hidden" i]), meter, output, progress, select, textarea';

function labels(this: HTMLElement): HTMLLabelElement[] | null {
  if (!this.matches(LABELABLE)) return null;
  const root = this.getRootNode() as Document | DocumentFragment;
  const found: HTMLLabelElement[] = [];
  // A label with `for` names the first element in the tree with that id, if it is labelable.
  if (this.id && root.getElementById(this.id) === this)
    for (const label of root.querySelectorAll<HTMLLabelElement>('label[for]'))
      if (label.htmlFor === this.id) found.push(label);
  // A label without `for` names the first labelable element inside it.
  for (let above = this.parentElement; above; above = above.parentElement)
    if (
      above instanceof HTMLLabelElement &&
      !above.hasAttribute('for') &&
      above.querySelector(LABELABLE) === this
    )
      found.push(above);
  return found.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

if (typeof HTMLElement !== 'undefined')
  for (const kind of [
    HTMLInputElement,
    HTMLTextAreaElement,
    HTMLSelectElement,
    HTMLButtonElement,
    HTMLMeterElement,
    HTMLOutputElement,
    HTMLProgressElement,
  ])
    Object.defineProperty(kind.prototype, 'labels', { get: labels, configurable: true });

/*
 * 3. Computed styles. A role query asks whether each element it considers, and each element
 *    inside one it names, is hidden: `display` and `visibility` of its computed style. jsdom works
 *    a computed style out once per page state (it keeps them until the page next changes), but
 *    hands out a fresh copy at every call, and each copy works out `visibility` again from every
 *    ancestor. Here an element gets the same copy back until jsdom itself drops its kept styles
 *    (jsdom replaces its store of them on every change to the page), so the answers are jsdom's.
 */
const implOf = (node: object): Record<string, unknown> | undefined => {
  const impl = Object.getOwnPropertySymbols(node).find((symbol) => symbol.description === 'impl');
  return impl && (node as Record<symbol, Record<string, unknown>>)[impl];
};
/** On the quicker `getComputedStyle`: jsdom's own, for tests/components/quicker-dom.test.tsx. */
export const JSDOM_COMPUTED_STYLE = Symbol.for('hoc-planner.jsdom-computed-style');
if (typeof window !== 'undefined' && !(JSDOM_COMPUTED_STYLE in window.getComputedStyle)) {
  const computed = window.getComputedStyle.bind(window);
  let state: unknown;
  let kept = new WeakMap<Element, CSSStyleDeclaration>();
  const quicker = (element: Element, pseudo?: string | null) => {
    const styles = (implOf(element)?._ownerDocument as Record<string, unknown> | undefined)
      ?._styleCache;
    if ((pseudo !== undefined && pseudo !== null && pseudo !== '') || !styles)
      return computed(element, pseudo);
    if (styles !== state) {
      state = styles;
      kept = new WeakMap();
    }
    let style = kept.get(element);
    if (!style) kept.set(element, (style = computed(element)));
    return style;
  };
  window.getComputedStyle = Object.assign(quicker, { [JSDOM_COMPUTED_STYLE]: computed });
}
