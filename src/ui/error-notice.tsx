import type { ReactNode } from 'react';
// Its sheet, notice.css beside it, loads with the first page (main.tsx): features use `.notice`
// for their own messages too.

/**
 * A problem the user must read: announced at once (role="alert"), with the details listed and,
 * where the user can do something about it, buttons (`actions`) under them.
 */
export function ErrorNotice({
  title,
  details = [],
  actions,
}: {
  title: string;
  details?: string[];
  actions?: ReactNode;
}) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {actions && <div className="notice__actions">{actions}</div>}
    </div>
  );
}
