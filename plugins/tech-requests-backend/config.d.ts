export interface Config {
  /** Configuration of the Tech Requests plugins. */
  techRequests?: {
    /** Who may act on requests filed by others. */
    workflow?: {
      /**
       * Group entity refs whose members review requests: start a review, add reviews, move
       * approved requests into delivery and complete them. When absent, every signed-in user
       * may, except on requests they filed.
       */
      reviewerGroups?: string[];
      /**
       * Group entity refs whose members decide requests: approve, reject or defer them (and
       * everything a reviewer may do). When absent, every signed-in user may, except on
       * requests they filed.
       */
      deciderGroups?: string[];
      /**
       * Review routing: the group entity refs whose members give each area's reviews. A
       * review in a routed area is refused to everyone else (403 naming the groups); areas
       * not listed are open to every reviewer and decider. Members of these groups may review
       * (in their areas) even when they are not in `reviewerGroups`; "waiting for me" shows
       * them the requests that lack a mandatory review in their areas, and they are notified
       * when a request that lacks one is submitted or its review starts, or when an edit
       * makes their review mandatory.
       */
      reviewAreas?: {
        architecture?: string[];
        security?: string[];
        privacy?: string[];
        finance?: string[];
        portfolio?: string[];
      };
      /**
       * When true (the default), nobody reviews or decides a request filed by a group they
       * belong to, on top of never their own: a colleague of the requester is not an
       * independent reviewer. Set it to false in an organisation so small that reviewers
       * must review their own group's requests.
       */
      separateRequestingGroup?: boolean;
      /**
       * Who reads the Portfolio page (demand, decisions and money of every department) besides
       * reviewers, deciders and review-area groups: IT leadership, for example. Group entity
       * refs. The example permission policy grants `tech-requests.portfolio.read` to these
       * groups through `decideTechRequestPermission`; another policy decides it itself.
       */
      portfolioReaderGroups?: string[];
    };
    /** What callers that are services, not people (static tokens, other plugins), may read. */
    serviceAccess?: {
      /**
       * When true, services read drafts too. Off by default: a draft is its owner's until it
       * is submitted, and a service reading the request list or a draft finds none.
       * Restrict a static token further with `backend.auth.externalAccess[].accessRestrictions`.
       */
      readDrafts?: boolean;
    };
    /**
     * The organisation's standards that architecture fit is measured against.
     */
    standards?: {
      /** Technologies and vendors by Tech Radar ring. */
      radar?: {
        /** Entries set in config. */
        entries?: Array<{
          /** The technology or vendor, as requests name it (compared ignoring case). */
          name: string;
          /** adopt, trial, assess or hold. */
          ring: 'adopt' | 'trial' | 'assess' | 'hold';
          /** Other names it goes by. */
          aliases?: string[];
        }>;
        /**
         * A Tech Radar JSON file in the format of Backstage's tech-radar plugin
         * (`{ rings: [{ id, name }], entries: [{ title, timeline: [{ ringId, date }] }] }`),
         * relative to the backend's working directory. Read again every ten minutes.
         */
        file?: string;
        /** The same document at a URL. Read again every ten minutes. */
        url?: string;
      };
      /**
       * Fit rules to turn off or reweigh, by id: vendor-on-hold, vendor-in-trial,
       * vendor-adopted, vendor-not-on-radar, integration-not-in-catalog,
       * integration-without-api, integration-deprecated, build-on-deprecated-system,
       * duplicate-request, reuse-target-not-in-production, reuse-available,
       * catalog-unavailable.
       */
      rules?: {
        [ruleId: string]: {
          enabled?: boolean;
          severity?: 'info' | 'warning' | 'blocker';
        };
      };
    };
    /**
     * How the security risk tier is read from the requester's answers; every key is optional
     * and merged over safe defaults (see the backend README for the defaults).
     */
    risk?: {
      /** Points each answer adds. */
      points?: {
        classification?: {
          public?: number;
          internal?: number;
          confidential?: number;
          restricted?: number;
        };
        personalData?: number;
        hosting?: {
          'on-premises'?: number;
          'company-cloud'?: number;
          'vendor-cloud'?: number;
          unknown?: number;
        };
        signIn?: {
          'company-account'?: number;
          'separate-accounts'?: number;
          'no-sign-in'?: number;
          unknown?: number;
        };
        /** Vendor-hosted without one of `trustedCertifications`. */
        missingCertification?: number;
        dataOutsideAllowedLocations?: number;
        dataLocationUnknown?: number;
      };
      /** Certification codes that count, for example soc2, iso27001, bsi-c5. */
      trustedCertifications?: string[];
      /** Where data may be stored without raising the risk: eu, us, other. */
      allowedDataLocations?: Array<'eu' | 'us' | 'other'>;
      /** The points from which each tier starts. */
      tiers?: { medium?: number; high?: number; critical?: number };
      /** Restricted data is at least this tier. */
      restrictedAtLeast?: 'low' | 'medium' | 'high' | 'critical';
      /**
       * Reviews a decision waits for: an area from a tier up, or whenever personal data is
       * involved. Replaces the default list (security from medium, privacy with personal data).
       */
      mandatoryReviews?: Array<{
        area: 'architecture' | 'security' | 'privacy' | 'finance' | 'portfolio';
        fromTier?: 'low' | 'medium' | 'high' | 'critical';
        whenPersonalData?: boolean;
      }>;
    };
    /** The total-cost-of-ownership model that compares reuse, buy and build. */
    cost?: {
      /**
       * ISO 4217 code of every amount.
       * @default EUR
       */
      currency?: string;
      /**
       * Years the comparison covers.
       * @default 3
       */
      horizonYears?: number;
      /**
       * Internal cost of a person-day.
       * @default 800
       */
      dayRate?: number;
      /**
       * Internal cost of a person-week of building.
       * @default 4000
       */
      personWeekRate?: number;
      /** Used where neither the request nor a reviewer gives a figure. */
      defaults?: {
        /** @default 2 */
        reuseOnboardingDays?: number;
        /** @default 0 */
        buyImplementationCost?: number;
        /** @default 10 */
        buyIntegrationDays?: number;
        /** @default 12 */
        buildEffortPersonWeeks?: number;
        /** @default 12000 */
        buildRunCostPerYear?: number;
        /** Yearly maintenance as a share of the build cost. @default 0.15 */
        buildMaintenanceShare?: number;
      };
    };
    /**
     * Service-level targets: how many working days (Monday to Friday) a request may stay in a
     * stage, by status, for example `submitted: { workingDays: 2 }` for triage. Requests past
     * their stage's target are marked overdue in the API (`serviceLevel`) and the list.
     */
    serviceLevels?: {
      [status: string]: { workingDays: number };
    };
    /**
     * "What IT offers": which entities of the reuse index business people browse as
     * offerings. An entity annotated `tech-requests.io/offering: "false"` is never one.
     */
    offerings?: {
      /**
       * Only entities of these kinds; each must be among `techRequests.reuse.kinds`.
       * @default the reuse kinds
       */
      kinds?: string[];
      /** When set, only entities whose `spec.type` is one of these (entities without a type stay). */
      types?: string[];
      /**
       * Entities whose `spec.type` is one of these are left out.
       * @default ["library", "database", "cluster", "cdn", "message-broker", "s3-bucket"]
       */
      excludeTypes?: string[];
      /** When set, only entities with this tag or this annotation (either counts). */
      include?: { tag?: string; annotation?: string };
      /** Entities with this tag or this annotation are left out. */
      exclude?: { tag?: string; annotation?: string };
    };
    /**
     * The delivery gate (`GET /gate`): whether work — a request, or an entity whose
     * `tech-requests.io/request-id` annotation names one — is covered by an approved request.
     */
    gate?: {
      /**
       * `enforce` refuses uncovered work; `warn` lets it through with the same reason, for
       * the first weeks of a rollout.
       * @default "enforce"
       */
      mode?: 'enforce' | 'warn';
      /**
       * Which entities must be covered: a kind, and when given only these `spec.type`s.
       * Entities of other kinds or types are `not-required`.
       * @default [{ kind: "Component" }]
       */
      covered?: Array<{ kind: string; types?: string[] }>;
      /** Entities that need no request: of these systems, or owned by these groups. */
      exempt?: {
        /** System entity refs; a bare name is a system of the default namespace. */
        systems?: string[];
        /** Group entity refs; a bare name is a group of the default namespace. */
        owners?: string[];
      };
    };
    /** Reuse discovery: the index of catalog entities that could serve a need. */
    reuse?: {
      /**
       * The entity kinds suggested for reuse.
       * @default ["Component", "System", "API", "Resource"]
       */
      kinds?: string[];
      /**
       * How often the index checks the catalog for changes (and rebuilds when there are
       * any). A duration such as `{ minutes: 1 }` or an ISO duration string.
       * @default { frequency: { minutes: 1 }, timeout: { minutes: 10 }, initialDelay: { seconds: 5 } }
       */
      schedule?: import('@backstage/backend-plugin-api').SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Suggestions scoring below this (0–1) are not shown, so an empty answer means nothing
       * fits. The default comes from the evaluation set: see the backend README.
       * @default 0.3
       */
      minimumScore?: number;
      /**
       * Earlier requests scoring below this (0–1) against a need are not listed as similar,
       * nor reported as possible duplicates. Requests are matched by their words only, so
       * the bar is higher than for suggestions; the default comes from the development
       * evaluation set: see the backend README.
       * @default 0.5
       */
      similarRequestMinimumScore?: number;
      /**
       * How much closeness in meaning (0–1) can count, when a module sets an embedding
       * provider; words and capabilities count independently of it.
       * @default 0.4
       */
      semanticWeight?: number;
      /**
       * Capabilities added to the shipped vocabulary, or words added to a shipped capability
       * with the same id: how business people name a need, and the terms and products that
       * serve it in this organisation.
       */
      capabilities?: Array<{
        /** Kebab-case id; the id of a shipped capability extends it. */
        id: string;
        /** Shown in reasons; the id when absent. */
        label?: string;
        /** Business phrases, such as "sign contracts online". */
        phrases?: string[];
        /** Technical terms, such as "envelope". */
        terms?: string[];
        /** Products and internal names, matched as written, such as "docusign" or "signhub". */
        vendors?: string[];
      }>;
    };
    /** How approved requests are delivered. */
    delivery?: {
      /**
       * The software template an approved build starts from, as an entity ref
       * (`template:default/new-service`). The request page then links to it in the
       * scaffolder (`/create/templates/<namespace>/<name>`) with `name`, `owner`,
       * `description` and `requestId` filled in from the request; the template should annotate
       * what it creates with `tech-requests.io/request-id: <requestId>`, which links the
       * component to the request once it is in the catalog. Read by the frontend plugin too.
       * @visibility frontend
       */
      buildTemplate?: string;
    };
  };
}
