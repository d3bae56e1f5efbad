import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './error-notice';
import { fileErrorText, type ReadError } from './file-error-text';

/** Why a file was refused, in words: its own chunk where a page shows it only after a drop. */
export function FileErrorNotice({ error }: { error: ReadError }) {
  const { t } = useTranslation();
  const message = fileErrorText(error, t);
  return <ErrorNotice title={message.title} details={message.details} />;
}
