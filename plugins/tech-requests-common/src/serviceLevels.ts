import { ServiceLevel, ServiceLevelTargets, TechRequest } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment `days` working days after `start`: weekends do not count. */
export function workingDaysAfter(start: Date, days: number): Date {
  let at = start.getTime();
  let left = days;
  while (left > 0) {
    at += DAY_MS;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      left--;
    }
  }
  return new Date(at);
}

/**
 * The request's standing against the target of its stage, or undefined when the stage has
 * no target (or the request does not say when it entered it).
 */
export function serviceLevelOf(
  request: Pick<TechRequest, 'status' | 'statusChangedAt'>,
  targets: ServiceLevelTargets,
  now: Date,
): ServiceLevel | undefined {
  const target = targets[request.status];
  if (!target || !request.statusChangedAt) {
    return undefined;
  }
  const dueAt = workingDaysAfter(
    new Date(request.statusChangedAt),
    target.workingDays,
  );
  return {
    stage: request.status,
    since: request.statusChangedAt,
    dueAt: dueAt.toISOString(),
    overdue: now.getTime() > dueAt.getTime(),
  };
}
