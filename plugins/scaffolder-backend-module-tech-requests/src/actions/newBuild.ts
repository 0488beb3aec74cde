import { NotAllowedError } from '@backstage/errors';
import { GateAnswer } from '@tech-requests/plugin-tech-requests-common';
import { ActionClient } from './client';

/** What a template may do with the gate's answer for a request. */
export interface NewBuildVerdict {
  /** Whether the template may go on: covered, or uncovered in the gate's warn-only mode. */
  go: boolean;
  /** Whether an approved request to build covers the new work. */
  covered: boolean;
  /** Why, in words the person running the template acts on. */
  reason: string;
}

/**
 * Whether the gate's answer covers *new software*, which is what a template creates. The gate
 * covers a request approved, in delivery or delivered for build or buy; a template needs
 * more: the decision was to build, and delivery has not been completed (finished work takes a
 * request of its own). Uncovered work goes on only in warn-only mode.
 */
export function newBuildVerdict(answer: GateAnswer): NewBuildVerdict {
  const uncovered = (reason: string): NewBuildVerdict => ({
    go: answer.mode === 'warn',
    covered: false,
    reason,
  });
  const { request } = answer;
  if (answer.verdict !== 'covered' || !request) {
    return uncovered(answer.reason);
  }
  const named = `Request ${request.id} ("${request.title}")`;
  if (request.status === 'completed') {
    return uncovered(
      `${named} is completed: new work needs a request of its own`,
    );
  }
  const path = request.decision?.path;
  if (path !== 'build') {
    const bought = request.decision?.vendor
      ? ` from ${request.decision.vendor}`
      : '';
    const approved = path
      ? `was approved to ${path}${bought}`
      : 'was approved without a path';
    return uncovered(
      `${named} ${approved}, not to build: a template creates new software, which needs a request decided for build`,
    );
  }
  return { go: true, covered: true, reason: answer.reason };
}

/**
 * Asks the gate about new work under a request, and refuses it (`NotAllowedError`, with the
 * reason) when it may not go on: what both actions do first.
 */
export async function checkNewBuild(
  client: ActionClient,
  requestId: number,
): Promise<{ answer: GateAnswer; verdict: NewBuildVerdict }> {
  const answer = await client.checkGate({ requestId });
  const verdict = newBuildVerdict(answer);
  if (!verdict.go) {
    throw new NotAllowedError(verdict.reason);
  }
  return { answer, verdict };
}
