import { ServiceUnavailableError } from '@backstage/errors';
import {
  confirmedReuseCandidates,
  RequestAssessment,
  SimilarRequest,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  assessCost,
  assessFit,
  assessRisk,
  CATALOG_UNAVAILABLE_RULE,
  CostPolicy,
  missingReviews,
  ReviewSoFar,
  RiskPolicy,
  Standards,
  staleReviews,
  stillCounts,
} from '../assessment';
import { EntityFacts } from '../catalog/entityFacts';
import { settingsHash } from '../config/assessment';
import { StandardsSource } from '../config/standards';

/** The reviews given so far: their areas, and whether each still counts. */
export type ReviewsSoFar = ReviewSoFar[];

/** A stored snapshot carries what it was computed from, to tell when it is out of date. */
export type StoredAssessment = RequestAssessment & { basis?: string };

/** After this long, catalog facts (lifecycles, APIs, annotations) are read again. */
const CATALOG_FACTS_TTL_MS = 10 * 60 * 1000;

/**
 * After the catalog could not be read, assessments go without it for this long before trying
 * again, so that reads stay quick while it is away (a hung catalog takes its whole timeout).
 */
const CATALOG_RETRY_MS = 30 * 1000;

/** What reuse would reuse: the decision's target, else the first confirmed candidate. */
function reuseTargetOf(request: TechRequest): string | undefined {
  return request.decision?.path === 'reuse' && request.decision.targetEntityRef
    ? request.decision.targetEntityRef
    : confirmedReuseCandidates(request.reuseSuggestions)[0];
}

/** The mandatory reviews still missing, and which of them were given on an earlier version. */
function reviewsStillMissing(
  mandatory: RequestAssessment['risk']['mandatoryReviews'],
  reviews: ReviewsSoFar,
): Pick<RequestAssessment, 'missingReviews' | 'staleReviews'> {
  const missing = missingReviews(mandatory, reviews);
  const stale = staleReviews(missing, reviews);
  // Left out when empty, so that snapshots from before stay as they were.
  return stale.length
    ? { missingReviews: missing, staleReviews: stale }
    : { missingReviews: missing };
}

/**
 * Computes a request's fit, risk and cost from the request, the catalog and the
 * configuration, and tells when a stored snapshot is out of date. The rules themselves are in
 * `../assessment`; this gathers what they read.
 */
export class AssessmentService {
  private readonly settings: string;
  /** Until when the catalog is taken to be away; 0 while it answers. */
  private catalogAwayUntil = 0;

  constructor(
    private readonly options: {
      standards: StandardsSource;
      riskPolicy: RiskPolicy;
      costPolicy: CostPolicy;
      readFacts: (refs: string[]) => Promise<Map<string, EntityFacts>>;
      similarRequests: (request: TechRequest) => Promise<SimilarRequest[]>;
      now?: () => Date;
    },
  ) {
    this.settings = settingsHash(options.riskPolicy, options.costPolicy);
  }

  private now() {
    return (this.options.now ?? (() => new Date()))();
  }

  /** What a snapshot depends on besides the catalog: the request, its reviews, the settings. */
  private basisOf(
    request: TechRequest,
    reviews: ReviewsSoFar,
    standards: Standards,
  ) {
    return settingsHash(
      this.settings,
      standards,
      request.version,
      reviews
        .map(review =>
          stillCounts(review) ? review.area : `${review.area} (does not count)`,
        )
        .sort(),
    );
  }

  /** Whether the stored snapshot no longer says what a new computation would. */
  async isStale(request: TechRequest, reviews: ReviewsSoFar): Promise<boolean> {
    const stored = request.assessment as StoredAssessment | undefined;
    if (!stored) {
      return true;
    }
    const now = this.now().getTime();
    const age = now - new Date(stored.computedAt).getTime();
    const madeWithoutCatalog = stored.fit.findings.some(
      finding => finding.ruleId === CATALOG_UNAVAILABLE_RULE,
    );
    return (
      stored.basis !==
        this.basisOf(request, reviews, await this.options.standards.get()) ||
      age > CATALOG_FACTS_TTL_MS ||
      (madeWithoutCatalog && now >= this.catalogAwayUntil)
    );
  }

  /**
   * The catalog's facts about these entities, or undefined while the catalog cannot be read:
   * a request is then assessed without them (the fit says so) and assessed again once the
   * catalog is back, instead of being refused.
   */
  private async factsOrNothing(
    refs: string[],
  ): Promise<Map<string, EntityFacts> | undefined> {
    if (!refs.length) {
      return new Map();
    }
    if (this.now().getTime() < this.catalogAwayUntil) {
      return undefined;
    }
    try {
      const facts = await this.options.readFacts(refs);
      this.catalogAwayUntil = 0;
      return facts;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) {
        throw error;
      }
      this.catalogAwayUntil = this.now().getTime() + CATALOG_RETRY_MS;
      return undefined;
    }
  }

  /** The request's assessment now; its version moves on only when something changed. */
  async assess(
    request: TechRequest,
    reviews: ReviewsSoFar,
  ): Promise<StoredAssessment> {
    const reuseTarget = reuseTargetOf(request);
    const refs = [
      ...new Set([
        ...request.integrations,
        ...confirmedReuseCandidates(request.reuseSuggestions),
        ...(reuseTarget ? [reuseTarget] : []),
      ]),
    ];
    const [facts, similar, standards] = await Promise.all([
      this.factsOrNothing(refs),
      this.options.similarRequests(request),
      this.options.standards.get(),
    ]);
    const risk = assessRisk(request, this.options.riskPolicy);
    const result = {
      fit: assessFit({
        request,
        entities: facts,
        similarRequests: similar,
        standards,
      }),
      risk,
      cost: assessCost({
        request,
        inputs: request.costInputs ?? {},
        reuseTarget: reuseTarget
          ? {
              entityRef: reuseTarget,
              costPerUserMonth: facts?.get(reuseTarget)?.costPerUserMonth,
            }
          : undefined,
        policy: this.options.costPolicy,
      }),
      ...reviewsStillMissing(risk.mandatoryReviews, reviews),
    };
    const previous = request.assessment;
    const {
      version: _version,
      computedAt: _at,
      ...previousResult
    } = (previous as StoredAssessment | undefined) ?? {};
    delete (previousResult as { basis?: string }).basis;
    const changed =
      !previous || JSON.stringify(previousResult) !== JSON.stringify(result);
    return {
      version: (previous?.version ?? 0) + (changed ? 1 : 0),
      computedAt: this.now().toISOString(),
      ...result,
      // The standards the rules just used, not a second read that may differ.
      basis: this.basisOf(request, reviews, standards),
    };
  }
}
