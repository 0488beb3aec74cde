import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { RequestAction } from '@tech-requests/plugin-tech-requests-common';
import { gateAnswer, RecordingClient, refusal } from '../__testUtils__/answers';
import { createTechRequestsLinkAction } from './link';

const CATALOG_INFO = `# The booking service, created from a template
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: booking-service
  annotations:
    github.com/project-slug: acme/booking-service # where it lives
spec:
  type: service
  lifecycle: experimental
  owner: group:default/marketing
`;

const workspace = createMockDirectory();

function run(
  client: RecordingClient,
  options: { input?: Record<string, unknown>; dryRun?: boolean } = {},
) {
  const ctx = createMockActionContext({
    input: { requestId: 42, ...options.input } as never,
    workspacePath: workspace.path,
    templateInfo: {
      entityRef: 'template:default/tech-requests-service',
      baseUrl: 'file:///templates/',
    },
    task: { id: 'task-1' },
  });
  ctx.isDryRun = options.dryRun;
  const action = createTechRequestsLinkAction({ clientFor: () => client });
  return { ctx, done: action.handler(ctx) };
}

const annotated = () =>
  workspace.content()?.['catalog-info.yaml'] as string | undefined;

describe('tech-requests:link', () => {
  beforeEach(() => workspace.setContent({ 'catalog-info.yaml': CATALOG_INFO }));

  it('writes the annotation, keeping the rest of the file, and moves the request to in-delivery when the person may', async () => {
    const client = new RecordingClient(gateAnswer(), {
      allowedActions: ['start-delivery', 'comment'],
    });
    const { ctx, done } = run(client);
    await done;

    expect(annotated()).toBe(
      CATALOG_INFO.replace(
        '    github.com/project-slug: acme/booking-service # where it lives\n',
        '    github.com/project-slug: acme/booking-service # where it lives\n    tech-requests.io/request-id: "42"\n',
      ),
    );
    expect(client.transitions).toEqual([
      {
        id: 42,
        body: {
          action: 'start-delivery',
          version: 7,
          rationale:
            'Delivery started: component:default/booking-service was created from template:default/tech-requests-service (scaffolder task task-1)',
        },
      },
    ]);
    expect(client.comments).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/booking-service',
    );
    expect(ctx.output).toHaveBeenCalledWith('recorded', 'in-delivery');
  });

  it.each<[string, RequestAction[], 'approved' | 'in-delivery']>([
    ['may not start delivery', ['comment'], 'approved'],
    ['finds it in delivery already', ['comment', 'complete'], 'in-delivery'],
  ])(
    'comments that delivery started when the person %s',
    async (_case, allowedActions, status) => {
      const client = new RecordingClient(gateAnswer({ request: { status } }), {
        status,
        allowedActions,
      });
      const { ctx, done } = run(client);
      await done;

      expect(client.transitions).toEqual([]);
      expect(client.comments).toEqual([
        {
          id: 42,
          body: expect.stringMatching(
            /^Delivery started: component:default\/booking-service was created/,
          ),
        },
      ]);
      expect(ctx.output).toHaveBeenCalledWith('recorded', 'comment');
    },
  );

  it('comments instead when someone else moved the request meanwhile (409)', async () => {
    const client = new RecordingClient(gateAnswer(), {
      allowedActions: ['start-delivery', 'comment'],
      transitionStatus: 409,
    });
    const { ctx, done } = run(client);
    await done;
    expect(client.comments).toHaveLength(1);
    expect(ctx.output).toHaveBeenCalledWith('recorded', 'comment');
  });

  it('fails on any other refusal of the transition', async () => {
    const client = new RecordingClient(gateAnswer(), {
      allowedActions: ['start-delivery', 'comment'],
      transitionStatus: 403,
    });
    await expect(run(client).done).rejects.toMatchObject({
      name: 'ResponseError',
    });
    expect(client.comments).toEqual([]);
  });

  it('records nothing, and says so, when the person may not even comment', async () => {
    const client = new RecordingClient(gateAnswer(), { allowedActions: [] });
    const { ctx, done } = run(client);
    await done;
    expect(ctx.output).toHaveBeenCalledWith('recorded', 'nothing');
    expect(annotated()).toContain('tech-requests.io/request-id: "42"');
  });

  it("refuses with the gate's reason, writing and recording nothing", async () => {
    const client = new RecordingClient(refusal());
    await expect(run(client).done).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('waiting for the security review'),
    });
    expect(annotated()).toBe(CATALOG_INFO);
    expect(client.transitions).toEqual([]);
    expect(client.comments).toEqual([]);
  });

  it('in warn-only mode writes the annotation and records nothing', async () => {
    const client = new RecordingClient(refusal('warn'));
    const { ctx, done } = run(client);
    await done;
    expect(annotated()).toContain('tech-requests.io/request-id: "42"');
    expect(client.comments).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('recorded', 'nothing');
  });

  it('in a dry run writes the annotation and records nothing', async () => {
    const client = new RecordingClient(gateAnswer(), {
      allowedActions: ['start-delivery', 'comment'],
    });
    const { ctx, done } = run(client, { dryRun: true });
    await done;
    expect(annotated()).toContain('tech-requests.io/request-id: "42"');
    expect(client.transitions).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith('recorded', 'nothing');
  });

  it('annotates every entity of a file with several, in another path', async () => {
    workspace.setContent({
      'service/catalog-info.yaml': `${CATALOG_INFO}---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: booking-api
  namespace: marketing
spec:
  type: openapi
`,
    });
    const client = new RecordingClient(gateAnswer());
    const { ctx, done } = run(client, {
      input: { catalogInfoPath: 'service/catalog-info.yaml' },
    });
    await done;
    const text = workspace.content()?.service as Record<string, string>;
    expect(text['catalog-info.yaml'].split('---\n')).toHaveLength(2);
    expect(
      text['catalog-info.yaml'].match(/tech-requests\.io\/request-id: "42"/g),
    ).toHaveLength(2);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/booking-service',
    );
  });

  it('leaves an annotation naming the same request as it is', async () => {
    workspace.setContent({
      'catalog-info.yaml': CATALOG_INFO.replace(
        'spec:',
        "    tech-requests.io/request-id: '42'\nspec:",
      ),
    });
    await run(new RecordingClient(gateAnswer())).done;
    expect(annotated()!.match(/request-id/g)).toHaveLength(1);
  });

  it.each([
    [
      'a file that is not there',
      { 'other.yaml': 'x: 1\n' },
      'catalogInfoPath: there is no catalog-info.yaml in the workspace; fetch the skeleton with it first',
    ],
    [
      'a file without an entity',
      { 'catalog-info.yaml': 'just: data\n' },
      'catalogInfoPath: catalog-info.yaml holds no catalog entity (a document with kind and metadata.name)',
    ],
    [
      'a file that is not YAML',
      { 'catalog-info.yaml': 'kind: [Component\n' },
      expect.stringMatching(
        /^catalogInfoPath: catalog-info.yaml is not valid YAML/,
      ),
    ],
    [
      'an entity naming another request',
      {
        'catalog-info.yaml': CATALOG_INFO.replace(
          'spec:',
          "    tech-requests.io/request-id: '7'\nspec:",
        ),
      },
      'catalogInfoPath: component:default/booking-service in catalog-info.yaml already names request 7 in its tech-requests.io/request-id annotation',
    ],
  ])(
    'refuses %s, naming the input, and records nothing',
    async (_case, content, message) => {
      workspace.setContent(content);
      const client = new RecordingClient(gateAnswer(), {
        allowedActions: ['start-delivery', 'comment'],
      });
      await expect(run(client).done).rejects.toMatchObject({
        name: 'InputError',
        message,
      });
      expect(client.transitions).toEqual([]);
      expect(client.comments).toEqual([]);
    },
  );

  it('refuses a path outside the workspace', async () => {
    const client = new RecordingClient(gateAnswer());
    await expect(
      run(client, { input: { catalogInfoPath: '../catalog-info.yaml' } }).done,
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'catalogInfoPath: ../catalog-info.yaml is outside the workspace; give a path inside it, such as catalog-info.yaml',
    });
    expect(client.comments).toEqual([]);
  });
});
