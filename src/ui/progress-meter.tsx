import { useTranslation } from 'react-i18next';
import type { Progress } from '@/plan/progress';
import './progress-meter.css';

/**
 * A labelled progress bar with its value in words ("7 of 12 done"), so the number is there for
 * screen readers and for people who don't read bars.
 */
export function ProgressMeter({
  progress,
  label,
  compact = false,
}: {
  progress: Progress;
  label: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const text =
    progress.total === 0
      ? t('progress.none')
      : t('progress.text', { done: progress.done, count: progress.total });
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);
  return (
    <div className={compact ? 'progress progress--compact' : 'progress'}>
      <div
        className="progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={Math.max(progress.total, 1)}
        aria-valuenow={progress.done}
        aria-valuetext={text}
      >
        <span className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">{text}</span>
    </div>
  );
}
