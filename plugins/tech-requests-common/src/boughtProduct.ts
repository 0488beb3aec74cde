import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { entityNameOf, MAX_NAME_LENGTH, summary } from './entityText';
import { TechRequest } from './model';

/** `spec.type` of the Resource an approved purchase becomes in the catalog. */
export const BOUGHT_PRODUCT_TYPE = 'saas-subscription';

/** Annotation on that Resource: the id of the request whose approval bought it. */
export const ANNOTATION_BOUGHT_FOR = 'tech-requests.io/bought-for';

const MAX_DESCRIPTION_LENGTH = 300;

/** The purchase a request's decision approved: its vendor, when the approved path is `buy`. */
function approvedPurchase(request: TechRequest): string | undefined {
  const decision = request.decision;
  return decision?.outcome === 'approved' &&
    decision.path === 'buy' &&
    decision.vendor
    ? decision.vendor
    : undefined;
}

/**
 * The catalog name of a purchase: the vendor and the buying group (`docusign-legal`), so each
 * department's subscription is an entity of its own and a second purchase of the same
 * product by the same group describes the same one.
 */
function boughtProductName(request: TechRequest, vendor: string): string {
  const group = entityNameOf(parseEntityRef(request.requestingGroup).name);
  const product = entityNameOf(vendor, MAX_NAME_LENGTH - group.length - 1);
  // A vendor name with no letter a name can hold is named after the request instead.
  if (!product) {
    return `bought-for-tr-${request.id}`;
  }
  return group ? `${product}-${group}` : product;
}

/** The ref of the Resource a request's approved purchase becomes; undefined for anything else. */
export function boughtProductRef(request: TechRequest): string | undefined {
  const vendor = approvedPurchase(request);
  return vendor
    ? `resource:default/${boughtProductName(request, vendor)}`
    : undefined;
}

/**
 * The Resource an approved purchase becomes, so that the next request with the same need
 * finds what was just bought: owned by the requesting group, typed `saas-subscription`, with
 * the request's capabilities (as tags too, which the catalog filters on) and its vendor.
 * Undefined unless the request was approved to buy.
 */
export function boughtProductEntity(request: TechRequest): Entity | undefined {
  const vendor = approvedPurchase(request);
  if (!vendor) {
    return undefined;
  }
  const tags = [
    ...new Set(
      request.capabilities.map(capability => entityNameOf(capability)),
    ),
  ].filter(Boolean);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: boughtProductName(request, vendor),
      namespace: 'default',
      title: vendor,
      description: summary(
        // A need that only repeats the title is said once.
        request.need.trim() === request.title.trim()
          ? `${vendor}, bought for "${request.title}"`
          : `${vendor}, bought for "${request.title}": ${request.need}`,
        MAX_DESCRIPTION_LENGTH,
      ),
      ...(tags.length && { tags }),
      annotations: { [ANNOTATION_BOUGHT_FOR]: String(request.id) },
    },
    spec: {
      type: BOUGHT_PRODUCT_TYPE,
      owner: request.requestingGroup,
      vendor,
      capabilities: request.capabilities,
    },
  };
}
