import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { gateAnswer, RecordingClient, refusal } from '../__testUtils__/answers';
import { ActionClient } from './client';
import { createTechRequestsGateAction } from './gate';

const TOM = mockCredentials.user('user:default/tom.baker');

function actionWith(client: ActionClient) {
  const asked: unknown[] = [];
  const action = createTechRequestsGateAction({
    clientFor: credentials => {
      asked.push(credentials);
      return client;
    },
  });
  return { action, asked };
}

function contextFor(requestId: unknown) {
  const ctx = createMockActionContext({ input: { requestId } as never });
  ctx.getInitiatorCredentials = async () => TOM;
  return ctx;
}

describe('tech-requests:gate', () => {
  it('lets the template go on under a request approved to build, as the person who runs it', async () => {
    const client = new RecordingClient(gateAnswer());
    const { action, asked } = actionWith(client);
    const ctx = contextFor(42);
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('covered', true);
    expect(ctx.output).toHaveBeenCalledWith(
      'requestUrl',
      'http://portal.example/tech-requests/42',
    );
    // The backend is asked with the initiator's credentials, not the scaffolder's own.
    expect(await (asked[0] as () => Promise<unknown>)()).toBe(TOM);
    expect(client.transitions).toEqual([]);
    expect(client.comments).toEqual([]);
  });

  it("fails the task with the gate's reason when refused", async () => {
    const { action } = actionWith(new RecordingClient(refusal()));
    await expect(action.handler(contextFor(42))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Request 42 ("Booking tool") is in review: waiting for the security review',
    });
  });

  it('fails the task for a request approved to buy', async () => {
    const answer = gateAnswer();
    answer.request!.decision!.path = 'buy';
    const { action } = actionWith(new RecordingClient(answer));
    await expect(action.handler(contextFor(42))).rejects.toThrow(
      /not to build/,
    );
  });

  it('only warns in warn-only mode, and says the work is not covered', async () => {
    const { action } = actionWith(new RecordingClient(refusal('warn')));
    const ctx = contextFor(42);
    const warn = jest.spyOn(ctx.logger, 'warn');
    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('covered', false);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('techRequests.gate.mode is warn'),
    );
  });

  it('accepts the id as a string of digits', async () => {
    const client = new RecordingClient(gateAnswer());
    const checkGate = jest.spyOn(client, 'checkGate');
    const { action } = actionWith(client);
    await action.handler(contextFor(' 42 '));
    expect(checkGate).toHaveBeenCalledWith({ requestId: 42 });
  });

  it.each([['abc'], [0], [-3], [1.5], [2 ** 31], [undefined]])(
    'refuses requestId %p, naming the field, without asking the backend',
    async requestId => {
      const client = new RecordingClient(gateAnswer());
      const checkGate = jest.spyOn(client, 'checkGate');
      const { action } = actionWith(client);
      await expect(action.handler(contextFor(requestId))).rejects.toMatchObject(
        { name: 'InputError', message: expect.stringMatching(/^requestId /) },
      );
      expect(checkGate).not.toHaveBeenCalled();
    },
  );
});
