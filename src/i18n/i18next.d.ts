import type common from '../../locales/en/common.json';
import type drafts from '../../locales/en/drafts.json';
import type guide from '../../locales/en/guide.json';

/*
 * The translation keys, known to the type checker: `t('no.such.key')` does not compile. English
 * is the reference; the key-parity test (tests/unit/locales.test.ts) keeps the other three
 * languages to the same keys. Namespaces as loaded by i18n.ts (`common` is the default).
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      guide: typeof guide;
      drafts: typeof drafts;
    };
    returnNull: false;
    // A `defaultValue` does not excuse an unknown key: data keys are cast once, where they are
    // read (storedGuideKey in components/use-guide-translate.ts).
    strictKeyChecks: true;
  }
}
