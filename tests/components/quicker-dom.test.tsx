import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { JSDOM_COMPUTED_STYLE } from '../quicker-dom';
import { renderRoutes } from '../test-utils';

/*
 * tests/quicker-dom.ts gives form controls a quicker `labels`. It must say what jsdom would: the
 * labels whose labelled control (jsdom's own `control`, left as it is) is the field, in tree order.
 */
const LABELABLE = 'button, input, meter, output, progress, select, textarea';
const bySpec = (field: Element) =>
  [...document.querySelectorAll('label')].filter((label) => label.control === field);
const labelsOf = (field: Element) => (field as HTMLInputElement).labels;

function expectLabelsAsJsdomHasThem() {
  const fields = [...document.querySelectorAll(LABELABLE)];
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) {
    const hidden = field instanceof HTMLInputElement && field.type === 'hidden';
    if (hidden) expect(labelsOf(field)).toBeNull();
    else expect([...labelsOf(field)!], field.outerHTML).toEqual(bySpec(field));
  }
}

describe('the tests’ quicker labels', () => {
  // Files share a page: what a test writes into it straight goes with the test.
  afterEach(() => {
    document.body.innerHTML = '';
    document.head.querySelector('style[data-quicker-dom]')?.remove();
  });

  it('finds the labels jsdom finds, in tree order, in the awkward cases', () => {
    document.body.innerHTML = `
      <label for="plain">Plain</label><input id="plain">
      <label for="both">Also</label>
      <label>Wrapped <input id="both"></label>
      <label>Two inside <input id="first"><input id="second"></label>
      <div id="twice">not a field</div><label for="twice">Twice</label><input id="twice">
      <label for="elsewhere"><input id="inside"></label><textarea id="elsewhere"></textarea>
      <label for="">Empty for</label><input id="">
      <label>A <button id="button">B</button></label>
      <label for="select">S</label><select id="select"><option>x</option></select>
      <label>P <progress></progress></label><label>M <meter></meter></label><output id="out"></output>
      <label>Not named <input type="HIDDEN" id="secret"><input id="after-hidden"></label>
      <input id="later"><label for="later">After the field</label>
    `;
    expectLabelsAsJsdomHasThem();
    // The cases the list above is for, said outright.
    expect(labelsOf(document.getElementById('both')!)).toHaveLength(2);
    const secondTwice = [...document.querySelectorAll('input')].find((i) => i.id === 'twice');
    expect(labelsOf(secondTwice!)).toHaveLength(0);
    expect(labelsOf(document.getElementById('inside')!)).toHaveLength(0);
    expect(labelsOf(document.getElementById('second')!)).toHaveLength(0);
    expect(labelsOf(document.getElementById('after-hidden')!)).toHaveLength(1);
    expect((document.body as unknown as { labels?: unknown }).labels).toBeUndefined();
  });

  it('gives each element the computed style jsdom gives, change after change to the page', () => {
    const jsdom = (window.getComputedStyle as unknown as Record<symbol, typeof getComputedStyle>)[
      JSDOM_COMPUTED_STYLE
    ]!;
    document.body.innerHTML = `
      <main><section><p>Text <span>inside</span></p><button>Go</button></section>
      <dialog><p>In a dialog</p></dialog>
      <details><summary>More</summary><p>In details</p></details></main>
    `;
    const one = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
    const [main, section, text, span, button] = ['main', 'section', 'p', 'span', 'button'].map(
      (selector) => one<HTMLElement>(selector),
    );
    const asJsdomHasIt = (step: string) => {
      for (const element of document.body.querySelectorAll('*'))
        for (const property of ['display', 'visibility', 'pointer-events'])
          expect(
            getComputedStyle(element).getPropertyValue(property),
            `${step}: ${element.localName} ${property}`,
          ).toBe(jsdom(element).getPropertyValue(property));
    };
    asJsdomHasIt('at first');
    const changes: [string, () => void][] = [
      ['a section hidden', () => (section!.hidden = true)],
      ['shown again', () => (section!.hidden = false)],
      ['visibility: hidden above', () => (main!.style.visibility = 'hidden')],
      ['visible again below it', () => (span!.style.visibility = 'visible')],
      ['display: none inline', () => (text!.style.display = 'none')],
      ['a dialog opened', () => one('dialog').setAttribute('open', '')],
      ['details opened', () => (one<HTMLDetailsElement>('details').open = true)],
      [
        'a button moved into a closed dialog',
        () => {
          one('dialog').removeAttribute('open');
          one('dialog').append(button!);
        },
      ],
      ['text changed', () => (span!.textContent = 'changed')],
      [
        'a stylesheet added',
        () => {
          const style = document.createElement('style');
          style.dataset.quickerDom = '';
          style.textContent = '.gone { display: none }';
          document.head.append(style);
          span!.className = 'gone';
        },
      ],
    ];
    for (const [step, change] of changes) {
      change();
      asJsdomHasIt(step);
    }
    // And it does keep them: with no change between, the same style comes back.
    expect(getComputedStyle(span!)).toBe(getComputedStyle(span!));
    expect(getComputedStyle(span!).display).toBe('none');
  });

  describe('on the app’s pages', () => {
    let planId: string;
    beforeEach(() => {
      const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
      plansStore.setState({ plans: [plan], history: {} });
      planId = plan.id;
    });

    it.each([
      ['run-of-show', 'Run of show'],
      ['checklist', 'Checklist'],
      ['', 'Event details'],
    ])('/plans/:id/%s', async (page, heading) => {
      await renderRoutes(routes, `/plans/${planId}/${page}`);
      await screen.findByRole('heading', { level: 2, name: heading });
      expectLabelsAsJsdomHasThem();
    });
  });
});
