import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { MemoryRouter, useRoutes, type RouteObject } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import common from '../../locales/en/common.json';
import en from '../../locales/en/common.json?start';
import ky from '../../locales/ky/common.json?start';
import nb from '../../locales/nb/common.json?start';
import nn from '../../locales/nn/common.json?start';
import { Layout } from '@/app/layout';
import { routes } from '@/app/routes';
import { LANGUAGE_CODES, type LanguageCode } from '@/i18n/languages';
import { START_GROUPS } from '@/i18n/start-texts';
import { formatDay } from '@/plan/dates';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { serializePlan } from '@/plan/file-format';
import { plansStore } from '@/store/plans-store';
import { heavyPlan, testDeps } from '../fixtures';
import { serviceWorker } from '../stubs/pwa-register';

/*
 * The first page shows before the rest of the texts are in: only the start groups of `common`
 * (src/i18n/start-texts.ts), as the build cuts them out (`?start`, imported here exactly as the
 * app does). The plans page and its frame are rendered here with those alone, in every language,
 * through everything they can show before the rest arrives: plan cards, renaming, Undo, the drop
 * hint, an import, the update and offline notices, the error page. A text missing from the start
 * groups fails the test by its key. (The storage banners wait for all the texts:
 * app/storage-banner.tsx.)
 */

const START: Record<LanguageCode, Record<string, unknown>> = { en, ky, nb, nn };
/** A start text, to find a button or field by its name in the language under test. */
const text = (lng: LanguageCode, key: string): string =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], START[lng]) as string;

/** i18next with the start texts of `lng` only; every key asked for but missing is listed. */
async function startI18n(lng: LanguageCode, missing: string[]) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    resources: { [lng]: { common: START[lng] } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    parseMissingKeyHandler: (key: string) => {
      missing.push(key);
      return key;
    },
  });
  // As in the app: the texts' number formatter comes with all the texts (i18n/i18n.ts).
  return instance;
}

function Routes({ routes: list }: { routes: RouteObject[] }) {
  return useRoutes(list);
}

async function renderWithStartTexts(lng: LanguageCode, list: RouteObject[] = routes) {
  const missing: string[] = [];
  const i18n = await startI18n(lng, missing);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={['/']}>
        <Routes routes={list} />
      </MemoryRouter>
    </I18nextProvider>,
  );
  return { ...result, missing, i18n };
}

/** A text that is a key ("plans.title"), shown instead of its text. */
const RAW_KEY = new RegExp(`^(${Object.keys(common).join('|')})\\.[\\w.]+$`);

/** The page's texts, each text node and each named attribute apart, and its title. */
function shownTexts(): string[] {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    texts.push(node.textContent?.trim() ?? '');
  for (const element of document.body.querySelectorAll('*'))
    for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder'])
      texts.push(element.getAttribute(name) ?? '');
  return texts;
}
const rawKeys = () => shownTexts().filter((shown) => RAW_KEY.test(shown));

const day = (offset: number) => formatDay(new Date(Date.now() + offset * 86_400_000));

function plans() {
  const deps = testDeps();
  return [0, 1, -1, 12, -3].map((offset, i) =>
    createPlanFromTemplate(
      i === 4 ? 'blank' : 'school-assembly',
      { title: `Plan ${i + 1}`, date: day(offset), startTime: '10:00', place: '' },
      deps,
    ),
  );
}

let onLine: PropertyDescriptor | undefined;
beforeEach(() => {
  onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
  // Offline, so the offline notice shows too.
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  // A new version waiting, so the update notice shows too.
  serviceWorker.needRefresh = true;
  plansStore.setState({ plans: plans(), history: {} });
});
afterEach(() => {
  if (onLine) Object.defineProperty(Navigator.prototype, 'onLine', onLine);
  plansStore.setState({ plans: [], history: {} });
});

describe('the first page with only its start texts', () => {
  for (const lng of LANGUAGE_CODES) {
    it(`shows no missing text in ${lng}, whatever it shows before the rest arrives`, async () => {
      const user = userEvent.setup({ delay: null });
      const { missing, i18n } = await renderWithStartTexts(lng);
      // Only the start texts: the rest of `common` and the guide texts are not there.
      expect(i18n.exists('merge.failed')).toBe(false);
      expect(i18n.hasResourceBundle(lng, 'guide')).toBe(false);

      const list = await screen.findByRole('list', { name: text(lng, 'plans.listLabel') });
      expect(within(list).getAllByRole('listitem')).toHaveLength(5);

      // Renaming: unsaved typing stops the update's reload; an empty name is refused.
      await user.click(
        within(list).getAllByRole('button', { name: text(lng, 'plans.rename') })[0]!,
      );
      const name = screen.getByLabelText(text(lng, 'plans.nameLabel'));
      await user.type(name, ' more');
      await user.click(await screen.findByRole('button', { name: text(lng, 'pwa.reload') }));
      await user.clear(name);
      await user.type(name, '{Enter}');
      expect(name).toHaveAttribute('aria-invalid', 'true');
      await user.type(name, '{Escape}');

      // Duplicate, delete and the Undo bar.
      await user.click(
        within(list).getAllByRole('button', { name: text(lng, 'plans.duplicate') })[0]!,
      );
      await user.click(
        within(list).getAllByRole('button', { name: text(lng, 'plans.delete') })[0]!,
      );
      expect(screen.getByRole('button', { name: text(lng, 'action.undo') })).toBeVisible();

      // The drop hint, then a plan file dropped: imported, with a link to it.
      const page = list.closest('.drop-target')!;
      fireEvent.dragOver(page, { dataTransfer: { types: ['Files'], files: [] } });
      expect(page).toHaveClass('drop-target--active');
      let n = 0;
      const dropped = createPlanFromTemplate(
        'blank',
        { title: 'Dropped', date: day(5), startTime: '10:00', place: '' },
        { now: () => new Date(), newId: () => `dropped-${++n}` },
      );
      const file = new File(
        [serializePlan(dropped, { translate: (_k, t) => t, now: new Date(), appVersion: 'test' })],
        'plan.hocplan.json',
        { type: 'application/json' },
      );
      fireEvent.drop(page, { dataTransfer: { types: ['Files'], files: [file] } });
      expect(
        await screen.findByRole('link', { name: text(lng, 'import.openPlan') }),
      ).toBeInTheDocument();

      // A plan from a file that takes much of the storage: its card says how much, with the
      // language's decimal mark.
      act(() => plansStore.setState({ plans: [heavyPlan('From a file', 620_000)] }));
      const heavy = await screen.findByRole('heading', { level: 2, name: 'From a file' });
      expect(heavy.closest('li')).toHaveTextContent(
        text(lng, 'plans.stored')
          .replace('{{size}}', text(lng, 'plans.size.MB'))
          .replace('{{size}}', lng === 'en' ? '1.2' : '1,2')
          .replace('\u00a0', ' '),
      );

      // No plans at all.
      act(() => plansStore.setState({ plans: [] }));
      expect(
        screen.getByRole('button', { name: text(lng, 'plans.createFirst') }),
      ).toBeInTheDocument();

      expect(missing).toEqual([]);
      expect(rawKeys()).toEqual([]);
      expect(document.title).toContain(text(lng, 'app.name'));
    });

    it(`shows the error page in ${lng} with the start texts`, async () => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const Broken = (): never => {
        throw new Error('The page broke');
      };
      const { missing } = await renderWithStartTexts(lng, [
        { path: '/', element: <Layout />, children: [{ index: true, element: <Broken /> }] },
      ]);
      await waitFor(() => expect(screen.getByText('The page broke')).toBeInTheDocument());
      expect(screen.getByRole('link', { name: text(lng, 'error.backHome') })).toBeVisible();
      expect(missing).toEqual([]);
      expect(rawKeys()).toEqual([]);
    });
  }

  it('has, in each language, the start groups of its common texts and nothing else', () => {
    for (const lng of LANGUAGE_CODES)
      expect(Object.keys(START[lng]).sort(), lng).toEqual([...START_GROUPS].sort());
  });

  it('catches a text missing from the start groups (the check itself works)', async () => {
    const { missing } = await renderWithStartTexts('en', [
      {
        path: '/',
        element: <Layout />,
        children: [{ index: true, element: <MergeTitle /> }],
      },
    ]);
    await screen.findByText('merge.failed');
    expect(missing).toContain('merge.failed');
    expect(rawKeys()).toEqual(['merge.failed']);
  });
});

function MergeTitle() {
  const { t } = useTranslation();
  return <p>{t('merge.failed')}</p>;
}
