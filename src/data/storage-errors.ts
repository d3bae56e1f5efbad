/**
 * Whether a write failed because storage is full, in every browser's way of saying so:
 * Chromium and modern browsers `QuotaExceededError` (code 22), Firefox
 * `NS_ERROR_DOM_QUOTA_REACHED` (code 1014), old WebKit a DOMException with code 22.
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}
