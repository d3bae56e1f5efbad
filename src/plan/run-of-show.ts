import { validateItemField, type FieldResult, type ItemField } from './event-fields';
import type { Plan, RunItem } from './schema';

/*
 * Run-of-show edits as pure functions. Each returns a new plan touching only the items
 * concerned (unchanged items keep their identity), or the same plan when nothing changes.
 */

function withItems(plan: Plan, items: RunItem[]): Plan {
  return { ...plan, runOfShow: { ...plan.runOfShow, items } };
}

export function updateItem(plan: Plan, itemId: string, recipe: (item: RunItem) => RunItem): Plan {
  const index = plan.runOfShow.items.findIndex((i) => i.id === itemId);
  const item = plan.runOfShow.items[index];
  if (!item) return plan;
  const next = recipe(item);
  if (next === item) return plan;
  const items = plan.runOfShow.items.slice();
  items[index] = next;
  return withItems(plan, items);
}

type ItemFields = Partial<
  Pick<RunItem, 'durationMinutes' | 'fixedStart' | 'who' | 'note' | 'link'>
>;

export function setItemFields(plan: Plan, itemId: string, fields: ItemFields): Plan {
  return updateItem(plan, itemId, (item) => {
    const changed = (Object.keys(fields) as (keyof ItemFields)[]).some(
      (k) => item[k] !== fields[k],
    );
    return changed ? { ...item, ...fields } : item;
  });
}

/** The user's own title replaces the template key for good. */
export function setItemTitle(plan: Plan, itemId: string, title: string): Plan {
  return updateItem(plan, itemId, (item) =>
    item.titleKey === null && item.title === title ? item : { ...item, titleKey: null, title },
  );
}

/**
 * A field of an item as typed in its row: checked (`validateItemField`), then the edit to make,
 * or why the value is refused (the plan keeps its last good value).
 */
export function editItemField(
  itemId: string,
  field: ItemField,
  raw: string,
): FieldResult<(plan: Plan) => Plan> {
  if (field === 'title') {
    const title = validateItemField('title', raw);
    return title.ok
      ? { ok: true, value: (plan) => setItemTitle(plan, itemId, title.value) }
      : title;
  }
  const checked = validateItemField(field, raw);
  if (!checked.ok) return checked;
  return { ok: true, value: (plan) => setItemFields(plan, itemId, { [field]: checked.value }) };
}

/** Undo of a deletion: the item back at its place, unless it is there already. */
export function restoreItem(plan: Plan, item: RunItem, index: number): Plan {
  return plan.runOfShow.items.some((i) => i.id === item.id) ? plan : insertItem(plan, item, index);
}

export function insertItem(plan: Plan, item: RunItem, index: number): Plan {
  const items = plan.runOfShow.items.slice();
  items.splice(Math.max(0, Math.min(index, items.length)), 0, item);
  return withItems(plan, items);
}

/** A copy right below the original, with a new id; a pinned time is not copied (it would clash). */
export function duplicateItem(plan: Plan, itemId: string, newId: string): Plan {
  const index = plan.runOfShow.items.findIndex((i) => i.id === itemId);
  const item = plan.runOfShow.items[index];
  if (!item) return plan;
  return insertItem(plan, { ...structuredClone(item), id: newId, fixedStart: null }, index + 1);
}

export function removeItem(plan: Plan, itemId: string): Plan {
  const items = plan.runOfShow.items.filter((i) => i.id !== itemId);
  return items.length === plan.runOfShow.items.length ? plan : withItems(plan, items);
}

export function moveItem(plan: Plan, itemId: string, toIndex: number): Plan {
  const from = plan.runOfShow.items.findIndex((i) => i.id === itemId);
  if (from < 0) return plan;
  const to = Math.max(0, Math.min(toIndex, plan.runOfShow.items.length - 1));
  if (from === to) return plan;
  const items = plan.runOfShow.items.slice();
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item!);
  return withItems(plan, items);
}
