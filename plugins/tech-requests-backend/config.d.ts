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
       * How much closeness in meaning (0–1) can count, when a module sets an embedding
       * provider; words and capabilities count independently of it.
       * @default 0.6
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
  };
}
