import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useEffect, useId, useRef, useState } from 'react';
import { announce } from '@/components/announcer';
import { useTranslation } from 'react-i18next';
import { InlineField } from '@/components/inline-field';
import { SafeLink } from '@/components/safe-link';
import { useGuideText } from '@/components/use-guide-text';
import { formatClock } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { validateTime } from '@/plan/event-fields';
import { safeHref } from '@/plan/links';
import { setItemFields, setItemTitle } from '@/plan/run-of-show';
import { parseDuration } from '@/plan/schedule';
import { LIMITS, type RunItem } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';

export type RowCommand =
  'insertAbove' | 'insertBelow' | 'duplicate' | 'moveUp' | 'moveDown' | 'delete';

interface RowProps {
  planId: string;
  item: RunItem;
  position: number;
  count: number;
  start: number;
  end: number;
  gapBefore: number;
  day: number;
  ownersListId: string;
  /** A new item: its title field takes focus so the user can type at once. */
  focusTitle: boolean;
  onCommand: (itemId: string, command: RowCommand) => void;
}

/**
 * One agenda item: a sortable <tbody> holding the item's row and, when opened, its details.
 * Props are plain values so a row re-renders only when its own item or times change.
 */
export const RunOfShowRow = memo(function RunOfShowRow(props: RowProps) {
  const {
    planId,
    item,
    position,
    count,
    start,
    end,
    gapBefore,
    day,
    ownersListId,
    focusTitle,
    onCommand,
  } = props;
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: item.id });
  const title = text({ key: item.titleKey, text: item.title });
  const label = title || t('ros.untitled');
  const edit = (recipe: Parameters<typeof editPlan>[1]) => editPlan(planId, recipe);

  const commitTitle = (raw: string) => {
    const value = raw.trim();
    if (!value) return t('field.required');
    if (value.length > LIMITS.textLength) return t('field.tooLong', { max: LIMITS.textLength });
    if (value !== title) edit((p) => setItemTitle(p, item.id, value));
    return null;
  };
  const commitDuration = (raw: string) => {
    const result = parseDuration(raw);
    if (!result.ok)
      return t('ros.durationError', { min: LIMITS.minDuration, max: LIMITS.maxDuration });
    edit((p) => setItemFields(p, item.id, { durationMinutes: result.minutes }));
    return null;
  };
  const commitWho = (raw: string) => {
    if (raw.length > LIMITS.ownerLength) return t('field.tooLong', { max: LIMITS.ownerLength });
    edit((p) => setItemFields(p, item.id, { who: raw.trim() }));
    return null;
  };

  const gap =
    gapBefore > 0 ? (
      <span className="ros-flag ros-flag--gap">{t('ros.gap', { count: gapBefore })}</span>
    ) : gapBefore < 0 ? (
      <span className="ros-flag ros-flag--overlap">{t('ros.overlap', { count: -gapBefore })}</span>
    ) : null;

  return (
    <tbody
      ref={setNodeRef}
      className={['ros-item', isDragging ? 'ros-item--dragging' : '', open ? 'ros-item--open' : '']
        .filter(Boolean)
        .join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <tr>
        <td className="ros-table__handle">
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="drag-handle"
            {...attributes}
            {...listeners}
            aria-label={t('ros.dragLabel', { position, title: label })}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <circle cx="5" cy="3" r="1.5" />
              <circle cx="11" cy="3" r="1.5" />
              <circle cx="5" cy="8" r="1.5" />
              <circle cx="11" cy="8" r="1.5" />
              <circle cx="5" cy="13" r="1.5" />
              <circle cx="11" cy="13" r="1.5" />
            </svg>
          </button>
        </td>
        <td className="ros-table__time">
          <span className="ros-time">
            {formatClock(start, lang)}–{formatClock(end, lang)}
          </span>
          {day > 0 && <span className="ros-flag">{t('ros.nextDay', { count: day })}</span>}
          {item.fixedStart && <span className="ros-flag ros-flag--pinned">{t('ros.pinned')}</span>}
          {gap}
        </td>
        <td className="ros-table__title">
          <InlineField
            label={t('ros.titleLabel', { position })}
            value={title}
            maxLength={LIMITS.textLength}
            onCommit={commitTitle}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a new item: type its title at once.
            autoFocus={focusTitle}
          />
        </td>
        <td className="ros-table__duration">
          <InlineField
            label={t('ros.durationLabel', { position })}
            value={String(item.durationMinutes)}
            inputMode="text"
            className="inline-field--duration"
            onCommit={commitDuration}
          />
          <span className="ros-unit" aria-hidden="true">
            {t('ros.minUnit')}
          </span>
        </td>
        <td className="ros-table__who">
          <InlineField
            label={t('ros.whoLabel', { position })}
            value={item.who}
            list={ownersListId}
            placeholder={t('ros.whoPlaceholder')}
            autoComplete="off"
            maxLength={LIMITS.ownerLength}
            onCommit={commitWho}
          />
        </td>
        <td className="ros-table__more">
          <button
            type="button"
            className="button button--quiet button--small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('ros.moreLabel', { position, title: label })}
            onClick={() => setOpen((v) => !v)}
          >
            {t('ros.more')} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
          </button>
        </td>
      </tr>
      {item.note && !open && (
        <tr className="ros-note-row">
          <td />
          <td colSpan={5} className="ros-note">
            {item.note}
          </td>
        </tr>
      )}
      <tr id={detailsId} className="ros-details" hidden={!open}>
        <td />
        <td colSpan={5}>
          {open && (
            <ItemDetails
              planId={planId}
              item={item}
              position={position}
              count={count}
              onCommand={onCommand}
            />
          )}
        </td>
      </tr>
    </tbody>
  );
});

function ItemDetails({
  planId,
  item,
  position,
  count,
  onCommand,
}: {
  planId: string;
  item: RunItem;
  position: number;
  count: number;
  onCommand: (itemId: string, command: RowCommand) => void;
}) {
  const { t } = useTranslation();
  const edit = (recipe: Parameters<typeof editPlan>[1]) => editPlan(planId, recipe);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const moved = useRef<'moveUp' | 'moveDown' | null>(null);
  // Moving the row moves its DOM node, which drops focus: put it back on the button used.
  useEffect(() => {
    if (!moved.current) return;
    const button = moved.current === 'moveUp' ? upRef.current : downRef.current;
    (button && !button.disabled
      ? button
      : moved.current === 'moveUp'
        ? downRef.current
        : upRef.current
    )?.focus();
    moved.current = null;
    announce(t('ros.movedTo', { position, count }));
  }, [position, count, t]);
  const move = (command: 'moveUp' | 'moveDown') => {
    moved.current = command;
    onCommand(item.id, command);
  };
  const commitNote = (raw: string) => {
    if (raw.length > LIMITS.noteLength) return t('field.tooLong', { max: LIMITS.noteLength });
    edit((p) => setItemFields(p, item.id, { note: raw.trim() }));
    return null;
  };
  const commitLink = (raw: string) => {
    const value = raw.trim();
    if (value && !safeHref(value)) return t('ros.linkError');
    edit((p) => setItemFields(p, item.id, { link: value || null }));
    return null;
  };
  const commitFixed = (raw: string) => {
    if (!raw.trim()) {
      edit((p) => setItemFields(p, item.id, { fixedStart: null }));
      return null;
    }
    const result = validateTime(raw);
    if (!result.ok) return t('field.time');
    edit((p) => setItemFields(p, item.id, { fixedStart: result.value }));
    return null;
  };
  return (
    <div className="ros-details__body">
      <div className="form-grid">
        <InlineField
          label={t('ros.noteLabel')}
          showLabel
          value={item.note}
          maxLength={LIMITS.noteLength}
          onCommit={commitNote}
        />
        <InlineField
          label={t('ros.linkLabel')}
          showLabel
          type="url"
          value={item.link ?? ''}
          onCommit={commitLink}
        />
        <InlineField
          label={t('ros.fixedLabel')}
          showLabel
          type="time"
          value={item.fixedStart ?? ''}
          onCommit={commitFixed}
          hint={t('ros.fixedHint')}
        />
      </div>
      {item.link && safeHref(item.link) && (
        <p>
          <SafeLink href={item.link}>{t('ros.openLink')}</SafeLink>
        </p>
      )}
      <div className="ros-actions" role="group" aria-label={t('ros.actionsLabel')}>
        <button
          type="button"
          className="button button--small"
          onClick={() => onCommand(item.id, 'insertAbove')}
        >
          {t('ros.insertAbove')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => onCommand(item.id, 'insertBelow')}
        >
          {t('ros.insertBelow')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => onCommand(item.id, 'duplicate')}
        >
          {t('ros.duplicate')}
        </button>
        <button
          ref={upRef}
          type="button"
          className="button button--small"
          disabled={position === 1}
          onClick={() => move('moveUp')}
        >
          <span aria-hidden="true">↑</span> {t('ros.moveUp')}
        </button>
        <button
          ref={downRef}
          type="button"
          className="button button--small"
          disabled={position === count}
          onClick={() => move('moveDown')}
        >
          <span aria-hidden="true">↓</span> {t('ros.moveDown')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => onCommand(item.id, 'delete')}
        >
          {t('ros.delete')}
        </button>
      </div>
    </div>
  );
}
