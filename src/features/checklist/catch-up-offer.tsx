import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { catchUpOffer, declineCatchUp, spreadLateSteps } from '@/plan/catch-up';
import { findStep } from '@/plan/checklist';
import type { Plan } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';
import { Button } from '@/ui/button';

/**
 * Once, for a plan made close to its date: spread the late steps over the days left (one edit,
 * undone with the plan's Undo), naming the steps that matter most now. The offer's buttons go
 * with it, so focus goes on: to the note that says what the spread did (seen and read out), or
 * after "Keep the dates" to the checklist's heading.
 */
export function CatchUpOffer({ plan, today }: { plan: Plan; today: Date }) {
  const { t } = useTranslation();
  const text = useGuideText();
  const offer = catchUpOffer(plan, today);
  const [spread, setSpread] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const showDone = spread && !offer;
  useEffect(() => {
    if (showDone) doneRef.current?.focus();
  }, [showDone]);
  if (showDone) {
    return (
      <p ref={doneRef} tabIndex={-1} className="notice notice--ok">
        {t('catchUp.done')}
      </p>
    );
  }
  if (!offer) return null;
  return (
    <section className="notice notice--warn catch-up" aria-labelledby="catch-up-title">
      <h3 id="catch-up-title" className="notice__title">
        {t('catchUp.title', { count: offer.stepIds.length })}
      </h3>
      <p>{t('catchUp.body')}</p>
      <p>{t('catchUp.mostImportant')}</p>
      <ol className="catch-up__first">
        {offer.mostImportant.map((id) => {
          const step = findStep(plan, id)?.step;
          return step ? <li key={id}>{text({ key: step.textKey, text: step.text })}</li> : null;
        })}
      </ol>
      <div className="catch-up__actions">
        <Button
          variant="primary"
          onClick={() => {
            editPlan(plan.id, (p) => spreadLateSteps(p, today));
            setSpread(true);
          }}
        >
          {t('catchUp.spread')}
        </Button>
        <Button
          onClick={() => {
            setSpread(false);
            editPlan(plan.id, (p) => declineCatchUp(p));
            document.getElementById('checklist-heading')?.focus();
          }}
        >
          {t('catchUp.keep')}
        </Button>
      </div>
    </section>
  );
}
