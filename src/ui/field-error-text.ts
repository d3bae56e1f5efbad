import type { TFunction } from 'i18next';
import type { FieldError } from '@/plan/event-fields';

/** The message for a field that refused a value, in the active language. */
export function fieldErrorText(t: TFunction, error: FieldError): string {
  switch (error.code) {
    case 'required':
      return t('field.required');
    case 'tooLong':
      return t('field.tooLong', { max: error.max });
    case 'date':
      return t('field.date');
    case 'time':
      return t('field.time');
    case 'wholeNumber':
      return t('field.wholeNumber', { min: error.min, max: error.max });
    case 'duration':
      return t('ros.durationError', { min: error.min, max: error.max });
    case 'link':
      return t('ros.linkError');
  }
}
