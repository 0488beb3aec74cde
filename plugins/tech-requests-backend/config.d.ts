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
  };
}
