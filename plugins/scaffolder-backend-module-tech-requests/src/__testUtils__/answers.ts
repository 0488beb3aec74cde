import { ResponseError } from '@backstage/errors';
import {
  GateAnswer,
  GateRequest,
  RequestAction,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { ActionClient } from '../actions/client';

/** A gate answer on request 42, as the backend would give it. */
export function gateAnswer(
  overrides: Omit<Partial<GateAnswer>, 'request'> & {
    request?: Partial<GateRequest>;
  } = {},
): GateAnswer {
  const { request, ...rest } = overrides;
  return {
    allowed: true,
    verdict: 'covered',
    reason: 'Request 42 ("Booking tool") was approved to build on 2026-11-30',
    mode: 'enforce',
    ...rest,
    request: {
      id: 42,
      title: 'Booking tool',
      status: 'approved',
      url: 'http://portal.example/tech-requests/42',
      decision: {
        outcome: 'approved',
        path: 'build',
        decidedBy: 'user:default/lena.fischer',
        decidedAt: '2026-11-30T10:00:00.000Z',
      },
      ...request,
    },
  };
}

/** A refusal, as the backend gives it for a request in review. */
export function refusal(mode: GateAnswer['mode'] = 'enforce'): GateAnswer {
  return {
    allowed: mode === 'warn',
    verdict: 'refused',
    reason:
      'Request 42 ("Booking tool") is in review: waiting for the security review',
    mode,
  };
}

/**
 * The backend as the actions see it: answers the gate with `answer`, shows request 42 with the
 * given status and actions, and keeps what was recorded.
 */
export class RecordingClient implements ActionClient {
  readonly transitions: Array<{ id: number; body: unknown }> = [];
  readonly comments: Array<{ id: number; body: string }> = [];

  constructor(
    private readonly answer: GateAnswer,
    private readonly view: {
      status?: TechRequestView['status'];
      allowedActions?: RequestAction[];
      transitionStatus?: number;
    } = {},
  ) {}

  async checkGate() {
    return this.answer;
  }

  async getRequest(id: number) {
    return {
      id,
      version: 7,
      status: this.view.status ?? 'approved',
      allowedActions: this.view.allowedActions ?? ['comment'],
    } as TechRequestView;
  }

  async transition(id: number, body: unknown) {
    if (this.view.transitionStatus) {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: { name: 'ConflictError', message: 'changed meanwhile' },
          }),
          {
            status: this.view.transitionStatus,
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      );
    }
    this.transitions.push({ id, body });
    return {} as TechRequestView;
  }

  async addComment(id: number, body: string) {
    this.comments.push({ id, body });
    return {} as never;
  }
}
