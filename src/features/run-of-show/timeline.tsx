import { memo, useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { formatClock } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import type { Schedule } from '@/plan/schedule';
import type { RunItem } from '@/plan/schema';
import './timeline.css';

interface Bar {
  item: RunItem;
  slot: Schedule['items'][number];
  lane: number;
  overlaps: boolean;
  index: number;
}

/**
 * The agenda as a strip: one bar per item, as wide as it is long; gaps are hatched, overlapping
 * items are drawn on a second lane with a red edge, and the planned end is a line across.
 * The strip is one picture to assistive technology, with a summary as its label; the table
 * above carries every detail.
 */
export const Timeline = memo(function Timeline({
  items,
  schedule,
  targetMinutes,
}: {
  items: readonly RunItem[];
  schedule: Schedule;
  targetMinutes: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const trackRef = useRef<HTMLDivElement>(null);
  const near = useNearScreen(trackRef);
  const targetEnd = schedule.start + targetMinutes;
  let min = schedule.start;
  let max = Math.max(schedule.end, targetEnd);
  for (const slot of schedule.items) {
    min = Math.min(min, slot.start);
    max = Math.max(max, slot.end);
  }
  const span = Math.max(max - min, 1);
  const pct = (minutes: number) => `${((minutes - min) / span) * 100}%`;
  // Bars are placed in minutes against the track's scale (CSS variables), so a longer show
  // rescales the track alone and only the bars whose times moved are touched.
  const trackScale = { '--min': min, '--span': span } as CSSProperties;

  const bars: Bar[] = [];
  let prevEnd = -Infinity;
  for (let index = 0; index < items.length; index += 1) {
    const slot = schedule.items[index];
    if (!slot) break;
    const overlaps = slot.start < prevEnd;
    // An item that overlaps the one before goes on the other lane, so both stay visible.
    const lane = overlaps ? 1 - (bars[index - 1]?.lane ?? 0) : 0;
    bars.push({ item: items[index]!, slot, lane, overlaps, index });
    prevEnd = Math.max(prevEnd, slot.end);
  }
  const tooltip = (b: (typeof bars)[number]) =>
    `${formatClock(b.slot.start, lang)}–${formatClock(b.slot.end, lang)} ${text({ key: b.item.titleKey, text: b.item.title })}`;
  const gaps = bars.filter((b) => b.index > 0 && b.slot.gapBefore > 0);
  const over = schedule.end - targetEnd;
  const summary = t('ros.timelineSummary', {
    count: items.length,
    start: formatClock(schedule.start, lang),
    end: formatClock(schedule.end, lang),
    target: formatClock(targetEnd, lang),
  });

  return (
    <figure className="timeline">
      <figcaption className="timeline__caption">{t('ros.timeline')}</figcaption>
      <div className="timeline__scale timeline__scale--top" aria-hidden="true">
        <span
          className={`timeline__scale-target timeline__scale-target--${(targetEnd - min) / span > 0.75 ? 'end' : (targetEnd - min) / span < 0.25 ? 'start' : 'mid'}`}
          style={{ left: pct(targetEnd) }}
        >
          {t('ros.targetEnd', { time: formatClock(targetEnd, lang) })}
        </span>
      </div>
      <div
        className={
          bars.some((b) => b.lane) ? 'timeline__track timeline__track--lanes' : 'timeline__track'
        }
        ref={trackRef}
        role="img"
        aria-label={summary}
        style={trackScale}
        // A bar's tooltip (its times and title) is written when the pointer reaches it, not on
        // every render: in a long agenda a change of length would otherwise rewrite hundreds.
        onPointerOver={(event) => {
          const bar = (event.target as HTMLElement).closest<HTMLElement>('[data-bar]');
          const b = bar ? bars[Number(bar.dataset.bar)] : undefined;
          if (bar && b) bar.title = tooltip(b);
        }}
      >
        <Bars bars={bars} gaps={gaps} near={near} />
        <span
          className={over > 0 ? 'timeline__target timeline__target--over' : 'timeline__target'}
          style={{ left: pct(targetEnd) }}
        />
      </div>
      <div className="timeline__scale" aria-hidden="true">
        <span className="timeline__scale-start" style={{ left: pct(schedule.start) }}>
          {formatClock(schedule.start, lang)}
        </span>
        <span className="timeline__scale-end" style={{ left: pct(schedule.end) }}>
          {formatClock(schedule.end, lang)}
        </span>
      </div>
    </figure>
  );
});

const place = (at: number, length: number) => ({ '--at': at, '--len': length }) as CSSProperties;

/**
 * The bars, redrawn only while the strip is on screen or near it: below a long agenda, a changed
 * length would otherwise restyle hundreds of bars that nobody sees. They catch up as the strip
 * comes near. (The editor is never printed as it is: see PrintsAsDocument.)
 */
const Bars = memo(
  function Bars({ bars, gaps }: { bars: readonly Bar[]; gaps: readonly Bar[]; near: boolean }) {
    return (
      <>
        {gaps.map((b) => (
          <span
            key={`gap-${b.item.id}`}
            className="timeline__gap"
            style={place(b.slot.start - b.slot.gapBefore, b.slot.gapBefore)}
          />
        ))}
        {bars.map((b) => (
          <span
            key={b.item.id}
            className={[
              'timeline__bar',
              `timeline__bar--${b.index % 4}`,
              b.lane ? 'timeline__bar--lane2' : '',
              b.overlaps || bars[b.index + 1]?.overlaps ? 'timeline__bar--overlap' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            style={place(b.slot.start, b.item.durationMinutes)}
            data-bar={b.index}
          >
            <span className="timeline__label">{b.index + 1}</span>
          </span>
        ))}
      </>
    );
  },
  (a, b) => (!a.near && !b.near) || (a.near === b.near && a.bars === b.bars && a.gaps === b.gaps),
);

/** Whether the element is on screen or within a screen of it; always true where it can't tell. */
function useNearScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver(
      (entries) => setNear(entries.some((entry) => entry.isIntersecting)),
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}
