import { render } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { act } from 'react';
import {
  MemoryRouter,
  useLocation,
  useNavigate,
  useRoutes,
  type Location,
  type NavigateFunction,
  type RouteObject,
} from 'react-router';
import { NAMESPACES, type LanguageCode } from '@/i18n/languages';
import { addNumberFormatter } from '@/i18n/number';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', {
  eager: true,
});

/** All languages' texts bundled, as the app has them after loading. */
export function localeResources() {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(files)) {
    const [, lng, ns] = path.match(/locales\/([^/]+)\/([^/]+)\.json$/)!;
    resources[lng!] ??= {};
    resources[lng!]![ns!] = mod.default;
  }
  return resources;
}

export async function createTestI18n(lng: LanguageCode = 'en'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: localeResources(),
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  addNumberFormatter(instance);
  return instance;
}

/** What a test may ask of the router: where it is, and to go somewhere else. */
export interface TestRouter {
  state: { location: Location };
  navigate: (to: string) => Promise<void>;
}

function Routes({
  routes,
  spy,
}: {
  routes: RouteObject[];
  spy: (l: Location, n: NavigateFunction) => void;
}) {
  spy(useLocation(), useNavigate());
  return useRoutes(routes);
}

/** Renders routes at `path` with translations, as a person would see the page. */
export async function renderRoutes(routes: RouteObject[], path: string, lng: LanguageCode = 'en') {
  const i18n = await createTestI18n(lng);
  let location: Location | undefined;
  let navigate: NavigateFunction | undefined;
  const router: TestRouter = {
    get state() {
      return { location: location! };
    },
    navigate: async (to) => {
      await act(async () => {
        await navigate!(to);
      });
    },
  };
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>
        <Routes
          routes={routes}
          spy={(l, n) => {
            location = l;
            navigate = n;
          }}
        />
      </MemoryRouter>
    </I18nextProvider>,
  );
  return { ...result, router, i18n };
}

export function renderWithI18n(ui: ReactElement, i18n: I18n) {
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
