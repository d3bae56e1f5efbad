import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/i18n/languages';
import { changeLanguage } from '@/i18n/texts';
import { Button } from '@/ui/button';
import { ErrorNotice } from '@/ui/error-notice';

/**
 * A native select: it is keyboard- and screen-reader-friendly everywhere and opens the phone's
 * own picker. Each language is named in itself, with its `lang`, so a screen reader says it right.
 */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const id = useId();
  // The language whose texts did not download: the page stays in the one it was in, and says so,
  // with a way to try again (once the connection is back) and to put the message away.
  const [failed, setFailed] = useState<string | null>(null);
  const pick = async (code: string) => {
    setFailed(null);
    if (!(await changeLanguage(i18n, code))) setFailed(code);
  };
  const failedName = LANGUAGES.find((language) => language.code === failed)?.name ?? failed;
  return (
    <>
      <div className="language-menu">
        <label htmlFor={id}>{t('layout.language')}</label>
        <select
          id={id}
          value={i18n.resolvedLanguage}
          onChange={(event) => void pick(event.target.value)}
        >
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      </div>
      {failed && (
        <div className="language-menu__notice">
          <ErrorNotice
            title={t('layout.languageNotLoaded', { language: failedName })}
            actions={
              <>
                <Button size="small" onClick={() => void pick(failed)}>
                  {t('error.tryAgain')}
                </Button>
                <Button size="small" variant="quiet" onClick={() => setFailed(null)}>
                  {t('action.dismiss')}
                </Button>
              </>
            }
          />
        </div>
      )}
    </>
  );
}
