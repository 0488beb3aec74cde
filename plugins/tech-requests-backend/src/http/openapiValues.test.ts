import {
  AUDIENCES,
  COST_PERIODS,
  DATA_CLASSIFICATIONS,
  DATA_LOCATIONS,
  DECISION_OUTCOMES,
  DECISION_PATHS,
  FINDING_SEVERITIES,
  GATE_MODES,
  GATE_VERDICTS,
  HOSTING_OPTIONS,
  PREFERRED_PATHS,
  REQUEST_ACTIONS,
  REQUEST_SORT_FIELDS,
  REQUEST_STATUSES,
  REUSE_CANDIDATE_ORIGINS,
  REUSE_CANDIDATE_STATES,
  REUSE_MATCH_STRENGTHS,
  REVIEW_AREAS,
  REVIEW_VERDICTS,
  REVIEWED_ANSWER_NAMES,
  RISK_TIERS,
  SIGN_IN_OPTIONS,
  TRANSITION_ACTIONS,
} from '@tech-requests/plugin-tech-requests-common';
import { spec } from '../schema/openapi.generated';
import { collectKeywords } from '../__testUtils__/openapiPointers';

const SCHEMAS = '#/components/schemas';
const LIST = '#/paths/~1requests/get/parameters';

/**
 * Every value list the OpenAPI schema states, by where it stands, and the list of the common
 * package it must equal: the schema repeats the values, this holds them together.
 */
const EXPECTED: Record<string, readonly (string | null)[]> = {
  '#/paths/~1health/get/responses/200/content/application~1json/schema/properties/status/enum':
    ['ok'],
  [`${LIST}/5/schema/enum`]: REQUEST_SORT_FIELDS,
  [`${LIST}/6/schema/enum`]: ['asc', 'desc'],
  [`${SCHEMAS}/RequestStatus/enum`]: REQUEST_STATUSES,
  [`${SCHEMAS}/DecisionPath/enum`]: DECISION_PATHS,
  [`${SCHEMAS}/VendorCandidate/properties/quotedCost/properties/period/enum`]:
    COST_PERIODS,
  [`${SCHEMAS}/DataClassification/enum`]: DATA_CLASSIFICATIONS,
  [`${SCHEMAS}/Hosting/enum`]: HOSTING_OPTIONS,
  [`${SCHEMAS}/SignIn/enum`]: SIGN_IN_OPTIONS,
  [`${SCHEMAS}/DataLocation/enum`]: DATA_LOCATIONS,
  [`${SCHEMAS}/PreferredPath/enum`]: PREFERRED_PATHS,
  // Nullable: an edit clears it with null.
  [`${SCHEMAS}/Audience/enum`]: [...AUDIENCES, null],
  [`${SCHEMAS}/TransitionBody/properties/action/enum`]: TRANSITION_ACTIONS,
  [`${SCHEMAS}/ReviewBody/properties/verdict/enum`]: REVIEW_VERDICTS,
  [`${SCHEMAS}/Decision/properties/outcome/enum`]: DECISION_OUTCOMES,
  [`${SCHEMAS}/GateAnswer/properties/verdict/enum`]: GATE_VERDICTS,
  [`${SCHEMAS}/GateAnswer/properties/mode/enum`]: GATE_MODES,
  [`${SCHEMAS}/GateAnswer/properties/request/properties/decision/properties/outcome/enum`]:
    DECISION_OUTCOMES,
  [`${SCHEMAS}/ReuseCandidateState/enum`]: REUSE_CANDIDATE_STATES,
  [`${SCHEMAS}/ReuseCandidate/properties/origin/enum`]: REUSE_CANDIDATE_ORIGINS,
  [`${SCHEMAS}/Finding/properties/severity/enum`]: FINDING_SEVERITIES,
  [`${SCHEMAS}/Assessment/properties/risk/properties/tier/enum`]: RISK_TIERS,
  [`${SCHEMAS}/TechRequestView/allOf/1/properties/allowedActions/items/enum`]:
    REQUEST_ACTIONS,
  [`${SCHEMAS}/ReviewArea/enum`]: REVIEW_AREAS,
  [`${SCHEMAS}/ReviewedAnswer/enum`]: REVIEWED_ANSWER_NAMES,
  [`${SCHEMAS}/ReuseSuggestion/properties/match/enum`]: REUSE_MATCH_STRENGTHS,
};

describe('the OpenAPI schema', () => {
  it('states every value list of the common package, in its order, and no other', () => {
    const stated = collectKeywords(
      spec,
      (keyword, value) => keyword === 'enum' && Array.isArray(value),
    );
    expect(stated).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED).map(([pointer, values]) => [
          pointer,
          [...values],
        ]),
      ),
    );
  });

  it('names the query parameters the sort lists stand for', () => {
    const names = spec.paths['/requests'].get.parameters.map(
      parameter => parameter.name,
    );
    expect([5, 6].map(index => names[index])).toEqual(['sort', 'order']);
  });
});
