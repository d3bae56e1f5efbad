import './quicker-dom';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetOpenEditors } from '@/features/checklist/open-editors';
import { dateNames } from '@/i18n/date-names';
import { LANGUAGE_CODES } from '@/i18n/languages';
import { storageStatus } from '@/store/storage-status';
import { resetServiceWorker } from './stubs/pwa-register';

// The app loads a language's date names with all its texts, or before it lists plans (boot.tsx);
// tests format in every language directly, and the plans list never waits for them.
await Promise.all(LANGUAGE_CODES.map(dateNames));

// Pages load their code lazily; on a busy shared machine the first one can take over a second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  if (typeof localStorage !== 'undefined') localStorage.clear();
  resetServiceWorker();
  // A test that makes the app's store read damaged storage leaves a problem in the app's one
  // storage status; the next file in the worker would show its banner (seen in CI: an extra
  // alert in the share panel's tests).
  storageStatus.setState({ problems: [] });
  // The checklist keeps open editors for the page's life: each test is a new page.
  forgetOpenEditors();
});

// jsdom implements <dialog> only partly: give it the modal behaviour our components rely on.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
