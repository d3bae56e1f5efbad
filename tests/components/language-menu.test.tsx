import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next, { type i18n as I18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LanguageMenu } from '@/app/language-menu';
import { localeResources, renderWithI18n } from '../test-utils';

/** The app's texts as downloads: English is in, Nynorsk downloads only while `network.online`. */
async function i18nOver(network: { online: boolean }): Promise<I18n> {
  const texts = localeResources();
  const instance = i18next.createInstance();
  await instance
    .use(
      resourcesToBackend(async (language: string, namespace: string) => {
        if (language !== 'en' && !network.online) throw new TypeError('Failed to fetch');
        return texts[language]![namespace]!;
      }),
    )
    .use(initReactI18next)
    .init({
      lng: 'en',
      fallbackLng: false,
      ns: ['common'],
      defaultNS: 'common',
      maxRetries: 0,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  return instance;
}

/** The menu, with the network down: only English is in. */
async function openOffline() {
  const network = { online: false };
  const i18n = await i18nOver(network);
  const user = userEvent.setup({ delay: null });
  renderWithI18n(<LanguageMenu />, i18n);
  return { network, i18n, user, menu: screen.getByRole('combobox', { name: 'Language' }) };
}

describe('LanguageMenu', () => {
  it('a language whose texts do not download: the page stays as it was and says so', async () => {
    const { network, i18n, user, menu } = await openOffline();

    await user.selectOptions(menu, 'nn');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The Norsk nynorsk texts could not be downloaded',
    );
    expect(i18n.resolvedLanguage).toBe('en');
    expect(menu).toHaveValue('en');
    expect(screen.getByText('Language')).toBeVisible();

    // Back online, the same choice works, and the notice goes.
    network.online = true;
    await user.selectOptions(menu, 'nn');
    expect(await screen.findByText('Språk')).toBeVisible();
    expect(i18n.resolvedLanguage).toBe('nn');
    expect(menu).toHaveValue('nn');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('the notice offers Try again (the same language, once back online) and Dismiss', async () => {
    const { network, i18n, user, menu } = await openOffline();

    await user.selectOptions(menu, 'nn');
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(menu).toHaveValue('en');

    await user.selectOptions(menu, 'nn');
    // Still offline: trying again says so again.
    await user.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Norsk nynorsk');
    network.online = true;
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Språk')).toBeVisible();
    expect(i18n.resolvedLanguage).toBe('nn');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
