import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { annotateCatalogInfo } from './catalogInfo';
import { ActionClient, ActionClientFactory } from './client';
import { checkNewBuild } from './newBuild';
import { requestIdInput, requestIdOf } from './requestId';

/** The catalog-info file in the workspace; refuses a path that leads out of it. */
function workspaceFile(workspacePath: string, shownPath: string): string {
  try {
    return resolveSafeChildPath(workspacePath, shownPath);
  } catch {
    throw new InputError(
      `catalogInfoPath: ${shownPath} is outside the workspace; give a path inside it, such as catalog-info.yaml`,
    );
  }
}

/** What the link recorded on the request. */
export type DeliveryRecord = 'in-delivery' | 'comment' | 'nothing';

/**
 * Records that delivery started: moves an approved request to in-delivery when the person may
 * (reviewers and deciders), and otherwise — or when it already is in delivery — says so in a
 * comment, which anyone who reads the request may add.
 */
async function recordDeliveryStart(
  client: ActionClient,
  requestId: number,
  note: string,
): Promise<DeliveryRecord> {
  const request = await client.getRequest(requestId);
  if (
    request.status === 'approved' &&
    request.allowedActions.includes('start-delivery')
  ) {
    try {
      await client.transition(requestId, {
        action: 'start-delivery',
        version: request.version,
        rationale: note,
      });
      return 'in-delivery';
    } catch (error) {
      // Someone else moved it meanwhile; the comment still says what this task did.
      if (!(error instanceof ResponseError && error.statusCode === 409)) {
        throw error;
      }
    }
  }
  if (request.allowedActions.includes('comment')) {
    await client.addComment(requestId, note);
    return 'comment';
  }
  return 'nothing';
}

/**
 * `tech-requests:link`: writes the `tech-requests.io/request-id` annotation into the new
 * entity's catalog-info file in the workspace, and records on the request that delivery
 * started. Refused, with nothing written, when the gate refuses the request; in the gate's
 * warn-only mode the annotation is written and nothing is recorded.
 *
 * @public
 */
export function createTechRequestsLinkAction(options: {
  clientFor: ActionClientFactory;
}) {
  return createTemplateAction({
    id: 'tech-requests:link',
    description:
      'Names the technology request in the new catalog-info.yaml and records on the request that delivery started',
    supportsDryRun: true,
    examples: [
      {
        description: 'Link the new component to its request',
        example: `steps:
  - id: link
    name: Link to the technology request
    action: tech-requests:link
    input:
      requestId: \${{ parameters.requestId }}
      catalogInfoPath: catalog-info.yaml`,
      },
    ],
    schema: {
      input: {
        requestId: requestIdInput,
        catalogInfoPath: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              'The catalog-info file in the workspace to annotate; catalog-info.yaml by default',
            ),
      },
      output: {
        entityRef: z =>
          z.string().describe('The first entity of the catalog-info file'),
        recorded: z =>
          z
            .enum(['in-delivery', 'comment', 'nothing'])
            .describe(
              'What was recorded on the request: moved to in-delivery, a comment, or nothing (warn-only mode, dry run)',
            ),
      },
    },
    async handler(ctx) {
      const requestId = requestIdOf(ctx.input.requestId);
      const shownPath = ctx.input.catalogInfoPath ?? 'catalog-info.yaml';
      const file = workspaceFile(ctx.workspacePath, shownPath);
      const client = options.clientFor(() => ctx.getInitiatorCredentials());
      const { verdict } = await checkNewBuild(client, requestId);
      const [entityRef] = await annotateCatalogInfo(file, shownPath, requestId);
      ctx.output('entityRef', entityRef);
      if (!verdict.covered || ctx.isDryRun) {
        ctx.logger.warn(
          verdict.covered
            ? `Dry run: nothing recorded on request ${requestId}`
            : `${verdict.reason}: ${entityRef} names request ${requestId}, and nothing is recorded on it (the gate only warns for now)`,
        );
        ctx.output('recorded', 'nothing');
        return;
      }
      const template = ctx.templateInfo?.entityRef;
      const note = `Delivery started: ${entityRef} was created${
        template ? ` from ${template}` : ''
      } (scaffolder task ${ctx.task.id})`;
      // A task resumed after a restart does not record the start twice.
      const recorded = await ctx.checkpoint({
        key: `tech-requests-link-${requestId}`,
        fn: () => recordDeliveryStart(client, requestId, note),
      });
      ctx.logger.info(
        recorded === 'nothing'
          ? `${entityRef} names request ${requestId}; you may not comment on it, so nothing was recorded there`
          : `${entityRef} names request ${requestId}, which records that delivery started (${recorded})`,
      );
      ctx.output('recorded', recorded);
    },
  });
}
