import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { COST_PER_USER_ANNOTATION } from '../assessment';
import { catalogFactsReader } from '../catalog/entityFacts';

/** An entity of the catalog that assessments read facts from. */
export function entity(
  kind: string,
  name: string,
  fields: {
    title?: string;
    lifecycle?: string;
    annotations?: Record<string, string>;
    relations?: Entity['relations'];
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      ...(fields.title && { title: fields.title }),
      ...(fields.annotations && { annotations: fields.annotations }),
    },
    spec: {
      owner: 'group:default/platform',
      type: 'service',
      ...(fields.lifecycle && { lifecycle: fields.lifecycle }),
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/platform' },
      ...(fields.relations ?? []),
    ],
  };
}

/** A cost annotation with this text. */
export const cost = (value: string) => ({ [COST_PER_USER_ANNOTATION]: value });

/** Entities with every kind of fact an assessment reads: APIs, lifecycles, cost annotations. */
export const CATALOG: Entity[] = [
  entity('API', 'esign-api', { title: 'E-sign API', lifecycle: 'production' }),
  entity('Component', 'esign', {
    title: 'E-sign gateway',
    lifecycle: 'production',
    annotations: cost('4.50'),
    relations: [{ type: 'providesApi', targetRef: 'api:default/esign-api' }],
  }),
  entity('System', 'erp', {
    relations: [
      { type: 'hasPart', targetRef: 'component:default/erp-core' },
      { type: 'hasPart', targetRef: 'api:default/erp-api' },
    ],
  }),
  entity('System', 'crm', {
    relations: [{ type: 'hasPart', targetRef: 'component:default/crm-ui' }],
  }),
  entity('Component', 'mailer', {
    lifecycle: 'deprecated',
    annotations: cost('abc'),
    relations: [{ type: 'consumesApi', targetRef: 'api:default/esign-api' }],
  }),
  entity('Component', 'credit', {
    lifecycle: 'production',
    annotations: cost('-1'),
  }),
  entity('Component', 'free', {
    lifecycle: 'production',
    annotations: cost('0'),
  }),
  entity('Component', 'cheap', {
    lifecycle: 'production',
    annotations: cost('1'),
  }),
  entity('Resource', 'bucket'),
];

/** Reads facts from CATALOG (or the entities given) as the plugin does. */
export const reader = (entities: Entity[] = CATALOG) =>
  catalogFactsReader(catalogServiceMock({ entities }), mockServices.auth());
