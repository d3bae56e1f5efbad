/** The app's version (from package.json, set at build time), written into exported files. */
export const APP_VERSION: string = __APP_VERSION__;
