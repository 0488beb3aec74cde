import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ActionClientFactory } from './client';
import { checkNewBuild } from './newBuild';
import { requestIdInput, requestIdOf } from './requestId';

/**
 * `tech-requests:gate`: fails the task, with the gate's reason, unless the request given is
 * approved (or in delivery) to build. In the gate's warn-only mode it logs the reason and lets
 * the template go on. Nothing is recorded on the request.
 *
 * @public
 */
export function createTechRequestsGateAction(options: {
  clientFor: ActionClientFactory;
}) {
  return createTemplateAction({
    id: 'tech-requests:gate',
    description:
      'Stops the template unless an approved technology request to build covers the work',
    supportsDryRun: true,
    examples: [
      {
        description: 'Refuse to scaffold without an approved request to build',
        example: `steps:
  - id: gate
    name: Check the technology request
    action: tech-requests:gate
    input:
      requestId: \${{ parameters.requestId }}`,
      },
    ],
    schema: {
      input: { requestId: requestIdInput },
      output: {
        covered: z =>
          z
            .boolean()
            .describe('Whether an approved request to build covers the work'),
        reason: z => z.string().describe("The gate's reason, in words"),
        requestUrl: z =>
          z.string().optional().describe("The request's page in the portal"),
      },
    },
    async handler(ctx) {
      const requestId = requestIdOf(ctx.input.requestId);
      const client = options.clientFor(() => ctx.getInitiatorCredentials());
      const { answer, verdict } = await checkNewBuild(client, requestId);
      if (verdict.covered) {
        ctx.logger.info(verdict.reason);
      } else {
        ctx.logger.warn(
          `${verdict.reason} (the gate only warns for now: techRequests.gate.mode is warn)`,
        );
      }
      ctx.output('covered', verdict.covered);
      ctx.output('reason', verdict.reason);
      if (answer.request) {
        ctx.output('requestUrl', answer.request.url);
      }
    },
  });
}
