import type { CostInputs, RequestAssessment } from './assessment';
import type { ChangedAnswer } from './reviewedAnswers';
import {
  Audience,
  CostPeriod,
  DataClassification,
  DataLocation,
  DecisionOutcome,
  DecisionPath,
  Hosting,
  PreferredPath,
  RequestSortField,
  RequestStatus,
  ReuseCandidateOrigin,
  ReuseCandidateState,
  ReviewArea,
  ReviewVerdict,
  SignIn,
} from './values';

/** An amount of money as a vendor quoted it. */
export type QuotedCost = {
  amount: number;
  /** ISO 4217 code, for example `EUR`. */
  currency: string;
  period: CostPeriod;
};

/** A vendor the requester already has in mind. */
export type VendorCandidate = {
  name: string;
  url?: string;
  quotedCost?: QuotedCost;
};

/** The budget the requesting unit can spend, as a range. */
export type BudgetRange = {
  min?: number;
  max?: number;
  /** ISO 4217 code, for example `EUR`. */
  currency: string;
};

/** What the deciders chose, and why. */
export type RequestDecision = {
  outcome: DecisionOutcome;
  /** Set when approved. */
  path?: DecisionPath;
  /** The entity that serves the need: required for `reuse`. */
  targetEntityRef?: string;
  /** The chosen vendor: required for `buy`. */
  vendor?: string;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
};

/** The fields a requester describes their need with; all of them can be edited. */
export type RequestDetails = {
  title: string;
  /** The business problem in the requester's words (markdown). */
  need: string;
  /** Entity ref of the business unit asking, for example `group:default/legal`. */
  requestingGroup: string;
  businessSponsor?: string;
  /** Who will use it; with `expectedUsers`, how many and whose. */
  audience?: Audience;
  expectedUsers?: number;
  /** An ISO date, `YYYY-MM-DD`. */
  wantedBy?: string;
  budgetRange?: BudgetRange;
  /** Short phrases such as "e-signature" or "video meetings". */
  capabilities: string[];
  /** Entity refs of the systems and APIs the solution must work with. */
  integrations: string[];
  /** Entity refs of existing components, systems, APIs or resources that might serve the need. */
  namedReuseCandidates: string[];
  dataClassification: DataClassification;
  handlesPersonalData: boolean;
  /** Who will run it: on our premises, in our cloud, or the vendor's. */
  hosting: Hosting;
  signIn: SignIn;
  dataLocation: DataLocation;
  /** Codes such as `soc2` or `iso27001` (see `KNOWN_CERTIFICATIONS`). */
  vendorCertifications: string[];
  vendorCandidates: VendorCandidate[];
  preferredPath: PreferredPath;
};

/** The answers to the form's data and security questions: what the risk is read from. */
export type SecurityAnswers = Pick<
  RequestDetails,
  | 'dataClassification'
  | 'handlesPersonalData'
  | 'hosting'
  | 'signIn'
  | 'dataLocation'
  | 'vendorCertifications'
>;

/** The answers on data and security, in the order the form asks them. */
export const SECURITY_ANSWER_FIELDS: readonly (keyof SecurityAnswers)[] = [
  'dataClassification',
  'handlesPersonalData',
  'hosting',
  'signIn',
  'dataLocation',
  'vendorCertifications',
];

/**
 * A reviewer's correction of the answers the risk is read from: the answers that change, the
 * version read, and why (kept in the history).
 */
export type SecurityAnswersCorrection = {
  version: number;
  answers: Partial<SecurityAnswers>;
  note?: string;
};

/** The details a request has when the requester leaves them out: nothing named, answers unknown. */
export const DEFAULT_REQUEST_DETAILS: Omit<
  RequestDetails,
  'title' | 'need' | 'requestingGroup'
> = {
  capabilities: [],
  integrations: [],
  namedReuseCandidates: [],
  dataClassification: 'internal',
  handlesPersonalData: false,
  hosting: 'unknown',
  signIn: 'unknown',
  dataLocation: 'unknown',
  vendorCertifications: [],
  vendorCandidates: [],
  preferredPath: 'unsure',
};

/**
 * An existing entity that might serve a request: suggested by the engine when the request
 * was submitted (a snapshot), named by the requester, or added by a reviewer; reviewers
 * confirm or dismiss it. Confirmed candidates are the request's `hasReuseCandidate`
 * relations in the catalog.
 */
export type ReuseCandidate = {
  entityRef: string;
  kind?: string;
  title?: string;
  origin: ReuseCandidateOrigin;
  state: ReuseCandidateState;
  /** The engine's score (0–1) at the time of the snapshot. */
  score?: number;
  reasons: string[];
  /** Who confirmed or dismissed it, when, and why. */
  assessedBy?: string;
  assessedAt?: string;
  note?: string;
};

/** A stored technology request. */
export type TechRequest = RequestDetails & {
  id: number;
  /** Entity ref of the user who filed the request, taken from their credentials. */
  requester: string;
  status: RequestStatus;
  decision?: RequestDecision;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  /** Increases with every change; sent back on edits to detect concurrent changes. */
  version: number;
  /** The name of the request's catalog entity, fixed when it is first submitted. */
  entityName?: string;
  /** Existing entities that might serve the need, and what reviewers made of them. */
  reuseSuggestions: ReuseCandidate[];
  /** What reviewers adjusted in the cost model. */
  costInputs?: CostInputs;
  /** Fit, risk and cost, as last computed; absent on drafts. */
  assessment?: RequestAssessment;
  /** When the request entered its current status. */
  statusChangedAt?: string;
};

/** The body of a create call; `null` leaves an optional field unset, as an absent one does. */
export type CreateRequestInput = Pick<RequestDetails, 'title' | 'need'> &
  Partial<Omit<RequestDetails, OptionalDetail>> & {
    [K in OptionalDetail]?: RequestDetails[K] | null;
  } & {
    /** Submit at once instead of keeping a draft. */
    submit?: boolean;
  };

/** The fields of a request that may be absent; an edit clears them with `null`. */
export type OptionalDetail =
  'businessSponsor' | 'audience' | 'expectedUsers' | 'wantedBy' | 'budgetRange';

/**
 * The body of an edit call: the version the client read and the fields it changes; `null`
 * clears an optional field.
 */
export type UpdateRequestInput = Partial<
  Omit<RequestDetails, OptionalDetail>
> & {
  [K in OptionalDetail]?: RequestDetails[K] | null;
} & { version: number };

/** One reviewer's assessment of a request in their area. */
export type RequestReview = {
  id: number;
  requestId: number;
  reviewer: string;
  area: ReviewArea;
  verdict: ReviewVerdict;
  comment: string;
  createdAt: string;
  /** The request version the reviewer saw; absent on reviews kept before versions were. */
  requestVersion?: number;
  /** The assessment version the reviewer saw, when the request had one. */
  assessmentVersion?: number;
  /**
   * The answers this area depends on that changed since the review: while any has, the
   * review is of an earlier version and no longer counts as the area's review.
   */
  changedSince: ChangedAnswer[];
  /** A later review by the same reviewer in the same area, which counts instead of this one. */
  supersededBy?: number;
};

/** Whether a review is its area's word on the request as it is now. */
export function reviewCounts(
  review: Pick<RequestReview, 'changedSince' | 'supersededBy'>,
): boolean {
  return !review.changedSince.length && review.supersededBy === undefined;
}

/** A comment on a request. */
export type RequestComment = {
  id: number;
  requestId: number;
  author: string;
  body: string;
  createdAt: string;
};

/** A field's value before and after a change. */
export type FieldChange = {
  before: unknown;
  after: unknown;
};

/** One entry of a request's history: who did what, when, and what changed. */
export type HistoryEntry = {
  id: number;
  requestId: number;
  actor: string;
  /** `create`, `edit`, `review`, `comment`, or a workflow action such as `approve`. */
  action: string;
  at: string;
  changes: Record<string, FieldChange>;
  /** The rationale of a transition, or the text of a review or comment. */
  note?: string;
};

/** How long a request may stay in a stage, in working days (Monday to Friday). */
export type ServiceLevelTargets = Partial<
  Record<RequestStatus, { workingDays: number }>
>;

/** Where a request stands against the target of its current stage. */
export type ServiceLevel = {
  stage: RequestStatus;
  /** When the request entered the stage. */
  since: string;
  /** When the stage should be over. */
  dueAt: string;
  overdue: boolean;
};

/** A page of requests. */
export type RequestPage = {
  /** With their standing against the service-level target of their stage, where one is set. */
  items: Array<TechRequest & { serviceLevel?: ServiceLevel }>;
  totalCount: number;
  /** Pass as `cursor` to read the next page; absent on the last page. */
  nextCursor?: string;
};

/** A page of a request's history, oldest first. */
export type HistoryPage = {
  items: HistoryEntry[];
  /** Pass as `cursor` to read the next page; absent on the last page. */
  nextCursor?: string;
};

/** Filters, sorting and paging of the request list. */
export interface RequestQuery {
  status?: RequestStatus[];
  requestingGroup?: string;
  requester?: string;
  /**
   * Only requests on which the signed-in person has a step to take now: submitting their own
   * drafts and deferred requests, or reviewing and deciding other people's.
   */
  waitingForMe?: boolean;
  /** Free text matched against title and need. */
  q?: string;
  sort?: RequestSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  cursor?: string;
}
