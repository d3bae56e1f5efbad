import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '@/ui/announcer';
import { LIMITS } from '@/plan/schema';
import { useYourName, yourName } from '@/store/replica';
import { Button } from '@/ui/button';

/** "Your name (optional)": kept in this browser and stamped on the changes made here. */
export function YourNameField() {
  const { t } = useTranslation();
  const id = useId();
  const saved = useYourName();
  const [value, setValue] = useState(saved);
  const save = () => {
    if (value.trim() === saved) return;
    yourName.getState().setName(value);
    announce(t('merge.name.saved'));
  };
  return (
    <form
      className="your-name"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('merge.name.label')}</label>
        <input
          id={id}
          value={value}
          maxLength={LIMITS.ownerLength}
          autoComplete="name"
          onChange={(event) => setValue(event.target.value)}
          // Leaving the field keeps what was typed, as every other field of the app does.
          onBlur={save}
          aria-describedby={`${id}-hint`}
        />
        <p className="field-hint" id={`${id}-hint`}>
          {t('merge.name.hint')}
        </p>
      </div>
      <Button type="submit" disabled={value.trim() === saved}>
        {t('merge.name.save')}
      </Button>
      {saved !== '' && value.trim() === saved && (
        <p className="your-name__saved">
          <span aria-hidden="true">✓ </span>
          {t('merge.name.saved')}
        </p>
      )}
    </form>
  );
}
