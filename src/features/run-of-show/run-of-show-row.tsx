import { clsx } from 'clsx';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { announce } from '@/ui/announcer';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '@/ui/field-error-text';
import { InlineField } from '@/features/run-of-show/inline-field';
import { SafeLink } from '@/ui/safe-link';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { formatClock } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import type { ItemField } from '@/plan/event-fields';
import { safeHref } from '@/plan/links';
import { editItemField } from '@/plan/run-of-show';
import type { ScheduledItem } from '@/plan/schedule';
import { LIMITS, type RunItem } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';
import { Button } from '@/ui/button';
import { Icon } from '@/ui/icon';
import '@/ui/drag-handle.css';

export type RowCommand =
  'insertAbove' | 'insertBelow' | 'duplicate' | 'moveUp' | 'moveDown' | 'delete';

interface RowProps {
  planId: string;
  item: RunItem;
  position: number;
  count: number;
  ownersListId: string;
  /**
   * The title takes focus as the row appears: 'select' selects its text (a new item's placeholder),
   * 'focus' leaves it as it is (an item put back, a neighbour of one deleted).
   */
  focusTitle: 'select' | 'focus' | null;
  onCommand: (itemId: string, command: RowCommand) => void;
  /** In a long agenda, the virtualiser measures each row it renders (see AgendaRows). */
  measureRef?: (element: HTMLElement | null) => void;
  /**
   * The item's place in the schedule, as numbers (minutes from midnight of the event day), so
   * the row re-renders only when its own times change. Absent for a moment while a new row's
   * times are computed.
   */
  start?: number;
  end?: number;
  day?: number;
  gapBefore?: number;
}

/** The schedule's numbers for one row's props. */
export function slotProps(slot: ScheduledItem | undefined) {
  return slot ? { start: slot.start, end: slot.end, day: slot.day, gapBefore: slot.gapBefore } : {};
}

/**
 * One agenda item. A thin sortable shell (it re-renders whenever the drag-and-drop context
 * does) around a memoised body that re-renders only when its own props change (dnd-kit keeps
 * `attributes` and `listeners` the same objects while nothing is dragged): with a long agenda,
 * an edit costs about the same as with a short one.
 */
export const RunOfShowRow = memo(function RunOfShowRow(props: RowProps) {
  const { t } = useTranslation();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: props.item.id,
    // What a screen reader calls the handle (dnd-kit's own word is English: "sortable").
    attributes: { roleDescription: t('action.movable') },
  });
  const { measureRef } = props;
  const ref = useCallback(
    (element: HTMLElement | null) => {
      setNodeRef(element);
      measureRef?.(element);
    },
    [setNodeRef, measureRef],
  );
  return (
    <div
      ref={ref}
      data-index={props.position - 1}
      data-item={props.item.id}
      role="rowgroup"
      className={clsx('ros-item', isDragging && 'ros-item--dragging')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <RowBody
        {...props}
        handleRef={setActivatorNodeRef}
        handleAttributes={attributes}
        handleListeners={listeners}
      />
    </div>
  );
});

interface RowBodyProps extends RowProps {
  handleRef: (element: HTMLElement | null) => void;
  handleAttributes: object;
  handleListeners: object | undefined;
}

/**
 * Saves one field of an item as typed, through the plan's rules (`editItemField`): the message
 * for a refused value, or null once saved.
 */
function useItemCommit(planId: string, itemId: string) {
  const { t } = useTranslation();
  return (field: ItemField) => (raw: string) => {
    const result = editItemField(itemId, field, raw);
    if (!result.ok) return fieldErrorText(t, result.error);
    editPlan(planId, result.value);
    return null;
  };
}

const RowBody = memo(function RowBody(props: RowBodyProps) {
  const {
    planId,
    item,
    position,
    count,
    ownersListId,
    focusTitle,
    onCommand,
    handleRef,
    handleAttributes,
    handleListeners,
  } = props;
  const { t } = useTranslation();
  const text = useGuideText();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const title = text({ key: item.titleKey, text: item.title });
  const label = title || t('ros.untitled');
  const commit = useItemCommit(planId, item.id);
  // The title as shown (a guide item's, translated) saved unchanged keeps the guide's text.
  const commitTitle = (raw: string) => (raw.trim() === title ? null : commit('title')(raw));

  return (
    <>
      <div role="row" className={open ? 'ros-row ros-row--open' : 'ros-row'}>
        <div role="cell" className="ros-cell ros-cell--handle">
          <button
            type="button"
            ref={handleRef}
            className="drag-handle"
            {...handleAttributes}
            {...handleListeners}
            aria-label={t('ros.dragLabel', { position, title: label })}
          ></button>
        </div>
        <div role="cell" className="ros-cell ros-cell--time">
          <RowTime {...props} />
        </div>
        <div role="cell" className="ros-cell ros-cell--title">
          <InlineField
            label={t('ros.titleLabel', { position })}
            value={title}
            maxLength={LIMITS.textLength}
            multiline
            onCommit={commitTitle}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a new item: type its title at once.
            autoFocus={focusTitle !== null}
            selectOnFocus={focusTitle === 'select'}
          />
        </div>
        <div role="cell" className="ros-cell ros-cell--duration">
          <InlineField
            label={t('ros.durationLabel', { position })}
            value={String(item.durationMinutes)}
            inputMode="text"
            className="inline-field--duration"
            onCommit={commit('durationMinutes')}
          />
          <span className="ros-unit" aria-hidden="true">
            {t('ros.minUnit')}
          </span>
        </div>
        <div role="cell" className="ros-cell ros-cell--who">
          <InlineField
            label={t('ros.whoLabel', { position })}
            value={item.who}
            list={ownersListId}
            placeholder={t('ros.whoPlaceholder')}
            autoComplete="off"
            maxLength={LIMITS.ownerLength}
            onCommit={commit('who')}
          />
        </div>
        <div role="cell" className="ros-cell ros-cell--more">
          <Button
            variant="quiet"
            size="small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('ros.moreLabel', { position, title: label })}
            onClick={() => setOpen((v) => !v)}
          >
            {t('ros.more')} <Icon name={open ? 'close' : 'open'} />
          </Button>
        </div>
      </div>
      {item.note && !open && (
        <div role="row" className="ros-row ros-row--note">
          <div role="cell" className="ros-cell ros-cell--wide ros-note">
            {item.note}
          </div>
        </div>
      )}
      <div role="row" id={detailsId} className="ros-row ros-row--details" hidden={!open}>
        <div role="cell" className="ros-cell ros-cell--wide">
          {open && (
            <ItemDetails
              planId={planId}
              item={item}
              label={label}
              position={position}
              count={count}
              onCommand={onCommand}
            />
          )}
        </div>
      </div>
    </>
  );
});

/** The item's times, and flags for the next day, a pin, a gap or an overlap before it. */
function RowTime({ item, position, start, end, day, gapBefore }: RowProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (start === undefined || end === undefined || day === undefined || gapBefore === undefined)
    return null;
  const gap = position === 1 ? 0 : gapBefore;
  return (
    <>
      <span className="ros-time">{`${formatClock(start, lang)}–${formatClock(end, lang)}`}</span>
      {day > 0 && (
        <span className="ros-flag ros-flag--day">{t('ros.nextDay', { count: day })}</span>
      )}
      {item.fixedStart !== null && (
        <span className="ros-flag ros-flag--pinned">{t('ros.pinned')}</span>
      )}
      {gap > 0 && <span className="ros-flag ros-flag--gap">{t('ros.gap', { count: gap })}</span>}
      {gap < 0 && (
        <span className="ros-flag ros-flag--overlap">{t('ros.overlap', { count: -gap })}</span>
      )}
    </>
  );
}

function ItemDetails({
  planId,
  item,
  label,
  position,
  count,
  onCommand,
}: {
  planId: string;
  item: RunItem;
  /** The item's title as shown, or "Untitled". */
  label: string;
  position: number;
  count: number;
  onCommand: (itemId: string, command: RowCommand) => void;
}) {
  const { t } = useTranslation();
  const commit = useItemCommit(planId, item.id);
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
  // Named for its item: a screen reader entering "Note" hears which item's note it is.
  return (
    <div
      className="ros-details__body"
      role="group"
      aria-label={t('ros.detailsLabel', { position, title: label })}
    >
      <div className="form-grid">
        <InlineField
          label={t('ros.noteLabel')}
          showLabel
          value={item.note}
          maxLength={LIMITS.noteLength}
          onCommit={commit('note')}
        />
        <InlineField
          label={t('ros.linkLabel')}
          showLabel
          type="url"
          value={item.link ?? ''}
          onCommit={commit('link')}
        />
        <InlineField
          label={t('ros.fixedLabel')}
          showLabel
          type="time"
          value={item.fixedStart ?? ''}
          onCommit={commit('fixedStart')}
          hint={t('ros.fixedHint')}
        />
      </div>
      {item.link && safeHref(item.link) && (
        <p>
          <SafeLink href={item.link}>{t('ros.openLink')}</SafeLink>
        </p>
      )}
      <div className="ros-actions" role="group" aria-label={t('ros.actionsLabel')}>
        <Button size="small" onClick={() => onCommand(item.id, 'insertAbove')}>
          {t('ros.insertAbove')}
        </Button>
        <Button size="small" onClick={() => onCommand(item.id, 'insertBelow')}>
          {t('ros.insertBelow')}
        </Button>
        <Button size="small" onClick={() => onCommand(item.id, 'duplicate')}>
          {t('ros.duplicate')}
        </Button>
        <Button ref={upRef} size="small" disabled={position === 1} onClick={() => move('moveUp')}>
          <span aria-hidden="true">↑</span> {t('ros.moveUp')}
        </Button>
        <Button
          ref={downRef}
          size="small"
          disabled={position === count}
          onClick={() => move('moveDown')}
        >
          <span aria-hidden="true">↓</span> {t('ros.moveDown')}
        </Button>
        <Button size="small" danger onClick={() => onCommand(item.id, 'delete')}>
          {t('ros.delete')}
        </Button>
      </div>
    </div>
  );
}
