import {
  FieldChange,
  ReviewArea,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';

/** The fields of a request that a history entry compares. */
type TrackedFields = Partial<Omit<TechRequest, 'id' | 'version' | 'updatedAt'>>;

/** The fields whose change a history entry records, with values before and after. */
export function diff(
  before: TrackedFields,
  after: { [field: string]: unknown },
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(after)) {
    // Absent and null both mean "not set".
    const old = before[field as keyof TrackedFields] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value ?? null)) {
      changes[field] = { before: old, after: value ?? null };
    }
  }
  return changes;
}

/** A copy without the fields set to null: a request leaves out what is not set. */
export function withoutNulls<T extends object>(
  fields: T,
): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null),
  ) as { [K in keyof T]: Exclude<T[K], null> };
}

/** The mandatory reviews a change made necessary, for its event: `{}` when none. */
export function reviewsNeeded(
  before: Pick<TechRequest, 'assessment'> | undefined,
  after: Pick<TechRequest, 'assessment'>,
): { reviewsNeeded?: ReviewArea[] } {
  const missingBefore = before?.assessment?.missingReviews ?? [];
  const needed = (after.assessment?.missingReviews ?? []).filter(
    area => !missingBefore.includes(area),
  );
  return needed.length ? { reviewsNeeded: needed } : {};
}
