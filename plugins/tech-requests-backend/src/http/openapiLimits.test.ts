import {
  COST_INPUT_LIMITS,
  FIELD_LIMITS,
  HISTORY_LIMITS,
  LIST_LIMITS,
  MAX_REQUEST_ID,
  OFFERING_LIMITS,
  PORTFOLIO_LIMITS,
  SUGGESTION_LIMITS,
} from '@tech-requests/plugin-tech-requests-common';
import { spec as generatedSpec } from '../schema/openapi.generated';
import { collectKeywords } from '../__testUtils__/openapiPointers';

const SCHEMAS = '#/components/schemas';
const BODY = 'requestBody/content/application~1json/schema/properties';
const LIST = '#/paths/~1requests/get/parameters';
const OFFERINGS = '#/paths/~1offerings/get/parameters';

/**
 * Every upper limit the OpenAPI schema states, by where it stands, and the limit of the
 * common package it must equal: the schema repeats the numbers, this holds them together.
 */
const EXPECTED: Record<string, number> = {
  [`${LIST}/0/schema/maxItems`]: LIST_LIMITS.statuses,
  [`${LIST}/4/schema/maxLength`]: LIST_LIMITS.q,
  [`${LIST}/7/schema/maximum`]: LIST_LIMITS.pageSize,
  [`${LIST}/8/schema/maximum`]: LIST_LIMITS.offset,
  [`${LIST}/9/schema/maxLength`]: LIST_LIMITS.cursor,
  [`#/paths/~1requests~1{id}~1history/get/parameters/1/schema/maximum`]:
    HISTORY_LIMITS.pageSize,
  [`#/paths/~1requests~1{id}~1history/get/parameters/2/schema/maxLength`]:
    HISTORY_LIMITS.cursor,
  [`${OFFERINGS}/0/schema/maxLength`]: OFFERING_LIMITS.q,
  [`${OFFERINGS}/1/schema/maxLength`]: OFFERING_LIMITS.capability,
  [`${OFFERINGS}/2/schema/maxLength`]: OFFERING_LIMITS.department,
  [`${OFFERINGS}/4/schema/maximum`]: OFFERING_LIMITS.pageSize,
  [`${OFFERINGS}/5/schema/maxLength`]: OFFERING_LIMITS.cursor,
  [`#/paths/~1gate/get/parameters/0/schema/maximum`]: MAX_REQUEST_ID,
  [`#/paths/~1gate/get/parameters/1/schema/maxLength`]: FIELD_LIMITS.entityRef,
  [`#/paths/~1portfolio/get/parameters/2/schema/maxLength`]:
    PORTFOLIO_LIMITS.department,
  [`#/paths/~1requests~1{id}~1comments/post/${BODY}/body/maxLength`]:
    FIELD_LIMITS.commentBody,
  [`#/paths/~1reuse~1suggestions/post/${BODY}/text/maxLength`]:
    SUGGESTION_LIMITS.text,
  [`#/paths/~1reuse~1suggestions/post/${BODY}/capabilities/maxItems`]:
    FIELD_LIMITS.capabilities,
  [`#/paths/~1reuse~1suggestions/post/${BODY}/capabilities/items/maxLength`]:
    FIELD_LIMITS.capability,
  [`#/paths/~1reuse~1suggestions/post/${BODY}/limit/maximum`]:
    SUGGESTION_LIMITS.maxLimit,
  [`#/paths/~1requests~1{id}~1reuse-candidates/post/${BODY}/note/maxLength`]:
    FIELD_LIMITS.rationale,
  [`#/paths/~1requests~1{id}~1security-answers/put/${BODY}/note/maxLength`]:
    FIELD_LIMITS.rationale,
  [`${SCHEMAS}/EntityRef/maxLength`]: FIELD_LIMITS.entityRef,
  [`${SCHEMAS}/Money/maximum`]: FIELD_LIMITS.money,
  [`${SCHEMAS}/VendorCandidate/properties/name/maxLength`]:
    FIELD_LIMITS.vendorName,
  [`${SCHEMAS}/VendorCandidate/properties/url/maxLength`]: FIELD_LIMITS.url,
  [`${SCHEMAS}/Title/maxLength`]: FIELD_LIMITS.title,
  [`${SCHEMAS}/Need/maxLength`]: FIELD_LIMITS.need,
  [`${SCHEMAS}/BusinessSponsor/maxLength`]: FIELD_LIMITS.businessSponsor,
  [`${SCHEMAS}/ExpectedUsers/maximum`]: FIELD_LIMITS.expectedUsers,
  [`${SCHEMAS}/WantedBy/maxLength`]: FIELD_LIMITS.wantedBy,
  [`${SCHEMAS}/Capabilities/maxItems`]: FIELD_LIMITS.capabilities,
  [`${SCHEMAS}/Capabilities/items/maxLength`]: FIELD_LIMITS.capability,
  [`${SCHEMAS}/Integrations/maxItems`]: FIELD_LIMITS.integrations,
  [`${SCHEMAS}/NamedReuseCandidates/maxItems`]:
    FIELD_LIMITS.namedReuseCandidates,
  [`${SCHEMAS}/DeprecatedReuseCandidates/maxItems`]:
    FIELD_LIMITS.namedReuseCandidates,
  [`${SCHEMAS}/VendorCertifications/maxItems`]:
    FIELD_LIMITS.vendorCertifications,
  [`${SCHEMAS}/VendorCertifications/items/maxLength`]:
    FIELD_LIMITS.certification,
  [`${SCHEMAS}/VendorCandidates/maxItems`]: FIELD_LIMITS.vendorCandidates,
  [`${SCHEMAS}/TransitionBody/properties/rationale/maxLength`]:
    FIELD_LIMITS.rationale,
  [`${SCHEMAS}/TransitionBody/properties/decision/properties/vendor/maxLength`]:
    FIELD_LIMITS.vendorName,
  [`${SCHEMAS}/ReviewBody/properties/comment/maxLength`]:
    FIELD_LIMITS.reviewComment,
  [`${SCHEMAS}/Amount/maximum`]: COST_INPUT_LIMITS.amount,
  [`${SCHEMAS}/CostInputs/properties/users/maximum`]: COST_INPUT_LIMITS.users,
  [`${SCHEMAS}/CostInputs/properties/horizonYears/minimum`]:
    COST_INPUT_LIMITS.minHorizonYears,
  [`${SCHEMAS}/CostInputs/properties/horizonYears/maximum`]:
    COST_INPUT_LIMITS.maxHorizonYears,
  [`${SCHEMAS}/CostInputs/properties/build/properties/maintenanceShare/maximum`]:
    COST_INPUT_LIMITS.maxShare,
  // Scores of answers, not limits of input: fixed by what a score is.
  [`${SCHEMAS}/ReuseSuggestion/properties/score/maximum`]: 1,
  [`${SCHEMAS}/Assessment/properties/fit/properties/score/maximum`]: 100,
};

const LIMIT_KEYWORDS = ['maxLength', 'maxItems', 'maximum'];

describe('the OpenAPI schema', () => {
  const spec = generatedSpec as any;

  it('states every limit of the common package, and no other', () => {
    const stated = collectKeywords(
      spec,
      (keyword, value) =>
        LIMIT_KEYWORDS.includes(keyword) && typeof value === 'number',
    );
    // The lower bound of the horizon is a limit of the common package too.
    const horizonMinimum = `${SCHEMAS}/CostInputs/properties/horizonYears/minimum`;
    stated[horizonMinimum] =
      spec.components.schemas.CostInputs.properties.horizonYears.minimum;
    expect(stated).toEqual(EXPECTED);
  });

  it('names the query parameters the list limits stand for', () => {
    const names = spec.paths['/requests'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect([0, 4, 7, 8, 9].map(index => names[index])).toEqual([
      'status',
      'q',
      'limit',
      'offset',
      'cursor',
    ]);
  });
});
