/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/react" />

declare const __APP_VERSION__: string;

/** A language's start texts (i18n/start-texts.ts), cut out of its common.json by the build. */
declare module '*/common.json?start' {
  const texts: Record<string, unknown>;
  export default texts;
}
