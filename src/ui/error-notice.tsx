// Its sheet, notice.css beside it, loads with the first page (main.tsx): features use `.notice`
// for their own messages too.

/** A problem the user must read: announced at once (role="alert"), with the details listed. */
export function ErrorNotice({ title, details = [] }: { title: string; details?: string[] }) {
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
    </div>
  );
}
