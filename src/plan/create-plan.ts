import { type Plan, type RunItem, type Section, type Step } from './schema';
import { findTemplate, type TemplateId } from './templates';

export interface NewPlanDetails {
  title: string;
  date: string;
  startTime: string;
  place: string;
}

/** What creating a plan needs from the outside world; injected so tests are deterministic. */
export interface PlanDeps {
  now: () => Date;
  newId: () => string;
}

export const browserDeps: PlanDeps = {
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
};

export function newStep(deps: PlanDeps, fields: Partial<Step> = {}): Step {
  return {
    id: deps.newId(),
    textKey: null,
    originKey: null,
    text: '',
    done: false,
    doneAt: null,
    dueOffsetDays: null,
    owner: '',
    note: '',
    link: null,
    links: [],
    optional: false,
    picked: false,
    ...fields,
  };
}

export function newItem(deps: PlanDeps, fields: Partial<RunItem> = {}): RunItem {
  return {
    id: deps.newId(),
    titleKey: null,
    title: '',
    durationMinutes: 10,
    fixedStart: null,
    who: '',
    note: '',
    link: null,
    ...fields,
  };
}

/** A new plan from one of the guide's templates; texts stay translation keys. */
export function createPlanFromTemplate(
  templateId: TemplateId,
  details: NewPlanDetails,
  deps: PlanDeps,
): Plan {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`Unknown template "${templateId}".`);
  const stamp = deps.now().toISOString();
  const sections: Section[] = template.sections.map((section) => ({
    id: deps.newId(),
    titleKey: `section.${section.key}`,
    title: '',
    steps: section.steps.map((step) =>
      newStep(deps, {
        textKey: `step.${step.key}`,
        dueOffsetDays: step.dueOffsetDays,
        link: step.link ?? null,
        links: (step.links ?? []).map(({ url, labelKey }) => ({ url, labelKey, label: '' })),
        optional: step.optional ?? false,
      }),
    ),
  }));
  const items = template.items.map((item) =>
    newItem(deps, {
      titleKey: `item.${item.key}`,
      durationMinutes: item.durationMinutes,
      link: item.link ?? null,
    }),
  );
  return {
    id: deps.newId(),
    title: details.title.trim(),
    templateId: template.id,
    event: {
      date: details.date,
      startTime: details.startTime,
      place: details.place.trim(),
      targetMinutes: template.targetMinutes,
      contactName: '',
      contactPhone: '',
      participants: null,
    },
    checklist: { sections },
    runOfShow: { items },
    notes: '',
    drafts: {},
    show: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** A full copy with fresh ids everywhere, so the two plans never share anything. */
export function duplicatePlan(plan: Plan, title: string, deps: PlanDeps): Plan {
  const stamp = deps.now().toISOString();
  return {
    ...structuredClone(plan),
    id: deps.newId(),
    title,
    show: null, // a copy is a new event: the day's record stays with the original
    checklist: {
      ...plan.checklist,
      sections: plan.checklist.sections.map((section) => ({
        ...structuredClone(section),
        id: deps.newId(),
        steps: section.steps.map((step) => ({ ...structuredClone(step), id: deps.newId() })),
      })),
    },
    runOfShow: {
      ...plan.runOfShow,
      items: plan.runOfShow.items.map((item) => ({ ...structuredClone(item), id: deps.newId() })),
    },
    createdAt: stamp,
    updatedAt: stamp,
  };
}
