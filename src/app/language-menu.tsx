import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/i18n/languages';
import { changeLanguage } from '@/i18n/texts';

/**
 * A native select: it is keyboard- and screen-reader-friendly everywhere and opens the phone's
 * own picker. Each language is named in itself, with its `lang`, so a screen reader says it right.
 */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-menu">
      <label htmlFor={id}>{t('layout.language')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage}
        onChange={(event) => void changeLanguage(i18n, event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
