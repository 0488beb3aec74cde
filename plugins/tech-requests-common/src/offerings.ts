/** A capability, as business people call it. */
export type CapabilityLabel = {
  /** Kebab-case, for example `e-signature`. */
  id: string;
  /** For example "E-signature". */
  label: string;
};

/** How someone gets an offering: a page to go to, or words to follow. */
export type HowToGet = {
  /** What to do, in the owner's words. */
  text?: string;
  /** Where to go. */
  url?: string;
};

/** Something IT already runs that a business unit can use: a catalog entity, in business words. */
export type Offering = {
  entityRef: string;
  kind: string;
  /** `spec.type`, when the entity has one. */
  type?: string;
  title: string;
  description?: string;
  /** The owning group's ref. */
  owner?: string;
  /** The capabilities it serves, the one it serves most surely first. */
  capabilities: CapabilityLabel[];
  /**
   * Groups other than the owner that use it: through catalog relations (their entities depend
   * on it or consume its APIs) and through approved requests to reuse it.
   */
  usedBy: string[];
  /** From the entity's `tech-requests.io/how-to-get` annotation, else its first link. */
  howToGet?: HowToGet;
  /** From the entity's `tech-requests.io/cost-per-user-month` annotation, in the cost currency. */
  costPerUserMonth?: number;
  lifecycle?: string;
  /** `lifecycle: deprecated`: listed only when asked for. */
  deprecated: boolean;
};

/** What a page of offerings is chosen by. */
export interface OfferingsQuery {
  /** Words that must each appear in the offering's name, description, tags or capabilities. */
  q?: string;
  /** Only offerings that serve this capability (its id). */
  capability?: string;
  /** Only offerings this group owns or uses (a group ref). */
  department?: string;
  /** Deprecated offerings too; left out by default. */
  includeDeprecated?: boolean;
  /** 1–100, 20 by default. */
  limit?: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

/** How many offerings of the whole selection carry a value, for filters. */
export type OfferingFacet = {
  value: string;
  label: string;
  count: number;
};

/** A page of offerings, grouped by their first capability, then by title. */
export type OfferingsPage = {
  items: Offering[];
  /** How many offerings the query selects, over every page. */
  totalCount: number;
  /** Present when there are more. */
  nextCursor?: string;
  /** The capabilities and departments of the selection, with counts, most first. */
  facets: { capabilities: OfferingFacet[]; departments: OfferingFacet[] };
  /** The cost currency, for `costPerUserMonth`. */
  currency: string;
  /** When the catalog was last read. */
  indexedAt: string;
};
