import { clsx } from 'clsx';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { announce } from '@/ui/announcer';
import { useTranslation } from 'react-i18next';
import { InlineField } from '@/features/run-of-show/inline-field';
import { SafeLink } from '@/ui/safe-link';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { validateTime } from '@/plan/event-fields';
import { safeHref } from '@/plan/links';
import { setItemFields, setItemTitle } from '@/plan/run-of-show';
import { parseDuration } from '@/plan/schedule';
import { LIMITS, type RunItem } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';
import { useTimeLabel } from './schedule-context';
import { Button } from '@/ui/button';
import '@/ui/drag-handle.css';

export type RowCommand =
  'insertAbove' | 'insertBelow' | 'duplicate' | 'moveUp' | 'moveDown' | 'delete';

interface RowProps {
  planId: string;
  item: RunItem;
  position: number;
  count: number;
  ownersListId: string;
  /** A new item: its title field takes focus so the user can type at once. */
  focusTitle: boolean;
  onCommand: (itemId: string, command: RowCommand) => void;
  /** In a long agenda, the virtualiser measures each row it renders (see AgendaRows). */
  measureRef?: (element: HTMLElement | null) => void;
}

/**
 * One agenda item. A thin sortable shell (it re-renders whenever the drag-and-drop context
 * does) around a memoised body that re-renders only when its own item changes: with a long
 * agenda, an edit costs about the same as with a short one.
 */
export const RunOfShowRow = memo(function RunOfShowRow(props: RowProps) {
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
        handleProps={{ ...attributes, ...listeners }}
      />
    </div>
  );
});

interface RowBodyProps extends RowProps {
  handleRef: (element: HTMLElement | null) => void;
  handleProps: Record<string, unknown>;
}

const RowBody = memo(
  function RowBody(props: RowBodyProps) {
    const {
      planId,
      item,
      position,
      count,
      ownersListId,
      focusTitle,
      onCommand,
      handleRef,
      handleProps,
    } = props;
    const { t } = useTranslation();
    const text = useGuideText();
    const [open, setOpen] = useState(false);
    const detailsId = useId();
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

    return (
      <>
        <div role="row" className={open ? 'ros-row ros-row--open' : 'ros-row'}>
          <div role="cell" className="ros-cell ros-cell--handle">
            <button
              type="button"
              ref={handleRef}
              className="drag-handle"
              {...handleProps}
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
          </div>
          <div role="cell" className="ros-cell ros-cell--time">
            <RowTime index={position - 1} />
          </div>
          <div role="cell" className="ros-cell ros-cell--title">
            <InlineField
              label={t('ros.titleLabel', { position })}
              value={title}
              maxLength={LIMITS.textLength}
              multiline
              onCommit={commitTitle}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- a new item: type its title at once.
              autoFocus={focusTitle}
            />
          </div>
          <div role="cell" className="ros-cell ros-cell--duration">
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
          </div>
          <div role="cell" className="ros-cell ros-cell--who">
            <InlineField
              label={t('ros.whoLabel', { position })}
              value={item.who}
              list={ownersListId}
              placeholder={t('ros.whoPlaceholder')}
              autoComplete="off"
              maxLength={LIMITS.ownerLength}
              onCommit={commitWho}
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
              {t('ros.more')} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
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
                position={position}
                count={count}
                onCommand={onCommand}
              />
            )}
          </div>
        </div>
      </>
    );
  },
  // The handle's props come fresh from the shell on every render but only change while dragging.
  (a, b) =>
    a.item === b.item &&
    a.position === b.position &&
    a.count === b.count &&
    a.focusTitle === b.focusTitle &&
    a.planId === b.planId &&
    a.ownersListId === b.ownersListId &&
    a.onCommand === b.onCommand &&
    a.handleRef === b.handleRef &&
    sameProps(a.handleProps, b.handleProps),
);

function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The item's times and flags: the only part of a row that a change elsewhere can alter. */
function RowTime({ index }: { index: number }) {
  const label = useTimeLabel(index);
  if (!label) return null;
  return (
    <>
      <span className="ros-time">{label.time}</span>
      {label.flags.map((flag) => (
        <span key={flag.kind} className={`ros-flag ros-flag--${flag.kind}`}>
          {flag.text}
        </span>
      ))}
    </>
  );
}

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
