import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  ReuseSuggestion,
  ReuseSuggestionsResponse,
  SimilarRequest,
  SUGGESTION_LIMITS,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  IndexEntry,
  IndexQuery,
  ReuseIndex,
  SearchOptions,
} from './ReuseIndex';
import { describeEntity, entityText, ReuseEntity } from './reuseEntities';
import {
  CapabilityPhrases,
  ItemVectors,
  SemanticMatcher,
} from './SemanticMatcher';
import { rankEntities, rankRequests } from './ranking';
import { Thesaurus } from './Thesaurus';
import { Vocabulary } from './Vocabulary';

/** Suggestions scoring below this are not shown; set from the evaluation set (see README). */
export const DEFAULT_MINIMUM_SCORE = 0.3;

/**
 * Earlier requests scoring below this are not similar. Requests meet by their words only,
 * and on needs written to be distinct a lower bar listed one or more "similar" requests for
 * most of them; from this score on, fewer than one need in ten lists any (see README).
 */
export const DEFAULT_SIMILAR_REQUEST_MINIMUM_SCORE = 0.5;

/**
 * How much closeness in meaning can count, next to words and capabilities. Chosen on the two
 * development sets with the sentence encoder: more let the model's loose closeness lift
 * needs the catalog cannot serve over the floor, and reorder the first answers.
 */
export const DEFAULT_SEMANTIC_WEIGHT = 0.4;

/** How many suggestions a request keeps as its snapshot when it is submitted. */
export const SNAPSHOT_SIZE = 5;

/** Similar requests shown with suggestions. */
export const SIMILAR_REQUESTS_LIMIT = 5;

/** How often an empty index looks at the catalog again when asked. */
const EMPTY_INDEX_RECHECK_MS = 5_000;

/** How long a query waits for the very first index before answering 503. */
const FIRST_BUILD_WAIT_MS = 15_000;

/** What the index reads of a request: its words, and the capabilities it named. */
function describeRequest(request: TechRequest): IndexEntry {
  return {
    fields: { title: request.title, description: request.need },
    capabilities: request.capabilities,
  };
}

interface BuiltIndex<T> {
  index: ReuseIndex<T>;
  builtAt: Date;
  /** The items' vectors, in index order, when an embedding provider is in use. */
  vectors?: ItemVectors;
  /** The vocabulary's phrases, embedded with the same provider. */
  phrases?: CapabilityPhrases;
}

/** How often the request index asks the store whether another instance changed requests. */
export const REQUESTS_RECHECK_MS = 10_000;

/**
 * Answers "what do we already have for this need?". Holds the current entity index and an
 * index of earlier requests; rebuilding either happens beside the current one, which keeps
 * answering until the new one is swapped in, so no request waits for a rebuild.
 */
export class ReuseEngine {
  private entities?: BuiltIndex<ReuseEntity>;
  private requests?: BuiltIndex<TechRequest>;
  private requestsStale = true;
  private requestBuild?: Promise<BuiltIndex<TechRequest>>;
  /** The requests' fingerprint the request index was built at, and when it was last read. */
  private requestsFingerprint?: string;
  private requestsCheckedAt = 0;
  /** The vocabulary's phrases, embedded once: the vocabulary does not change with the catalog. */
  private capabilityPhrases?: Promise<CapabilityPhrases>;
  private readonly firstEntityIndex: Promise<void>;
  private resolveFirstEntityIndex!: () => void;

  constructor(
    private readonly options: {
      vocabulary: Vocabulary;
      thesaurus: Thesaurus;
      logger: LoggerService;
      /** Reads the requests that similar requests are chosen from. */
      loadRequests: () => Promise<TechRequest[]>;
      /**
       * Changes whenever a request is added, changed or deleted, through any instance of the
       * backend: read at most every REQUESTS_RECHECK_MS, so that changes made through another
       * instance reach this one's similar requests too.
       */
      requestsFingerprint?: () => Promise<string>;
      minimumScore?: number;
      similarRequestMinimumScore?: number;
      /** Adds closeness in meaning to entity suggestions. */
      semantic?: SemanticMatcher;
      semanticWeight?: number;
    },
  ) {
    this.firstEntityIndex = new Promise(resolve => {
      this.resolveFirstEntityIndex = resolve;
    });
  }

  private get minimumScore() {
    return this.options.minimumScore ?? DEFAULT_MINIMUM_SCORE;
  }

  private get similarRequestMinimumScore() {
    return (
      this.options.similarRequestMinimumScore ??
      DEFAULT_SIMILAR_REQUEST_MINIMUM_SCORE
    );
  }

  /**
   * Builds a new entity index from these entities and swaps it in once complete. The very
   * first index answers by words and capabilities as soon as it is built, and by meaning too
   * once its vectors are ready (embedding a large catalog the first time takes minutes); a
   * later one is swapped in with its vectors, the previous one answering meanwhile.
   */
  async replaceEntities(entities: ReuseEntity[]): Promise<void> {
    const started = Date.now();
    const index = await ReuseIndex.build(
      entities,
      describeEntity,
      this.options,
    );
    const built: BuiltIndex<ReuseEntity> = { index, builtAt: new Date() };
    const first = !this.entities;
    if (first) {
      this.entities = built;
      this.resolveFirstEntityIndex();
    }
    Object.assign(built, await this.vectorsFor(entities));
    if (!first) {
      this.entities = built;
    }
    this.options.logger.info(
      `Reuse index built: ${index.size} entities in ${Date.now() - started} ms${
        built.vectors ? `, ${built.vectors.embedded} embedded anew` : ''
      }`,
    );
  }

  /**
   * The entities' vectors and the vocabulary's (embedded once, then read from storage like
   * the entities'); without them (no provider, or it failed) matching stays lexical.
   */
  private async vectorsFor(
    entities: ReuseEntity[],
  ): Promise<{ vectors?: ItemVectors; phrases?: CapabilityPhrases }> {
    const semantic = this.options.semantic;
    if (!semantic) {
      return {};
    }
    try {
      const vectors = await semantic.vectorsFor(entities.map(entityText));
      this.capabilityPhrases ??= semantic
        .capabilityPhrases(this.options.vocabulary)
        .catch(error => {
          // Tried again at the next build.
          this.capabilityPhrases = undefined;
          throw error;
        });
      return { vectors, phrases: await this.capabilityPhrases };
    } catch (error) {
      this.options.logger.warn(
        `Embedding provider ${semantic.providerId} failed; suggestions use words and capabilities only until the next build`,
        error as Error,
      );
      return {};
    }
  }

  /** Closeness in meaning of the query to each entity, when vectors are at hand. */
  private async semanticFor(
    text: string,
    entities: BuiltIndex<ReuseEntity>,
  ): Promise<SearchOptions<ReuseEntity>['semantic']> {
    const semantic = this.options.semantic;
    if (!semantic || !entities.vectors) {
      return undefined;
    }
    try {
      return {
        ...(await semantic.meaningOf(text, entities.vectors, entities.phrases)),
        weight: this.options.semanticWeight ?? DEFAULT_SEMANTIC_WEIGHT,
      };
    } catch (error) {
      this.options.logger.warn(
        `Embedding provider ${semantic.providerId} failed on a query; answered with words and capabilities only`,
        error as Error,
      );
      return undefined;
    }
  }

  /** Earlier requests changed: the next question rebuilds their index first. */
  requestsChanged(): void {
    this.requestsStale = true;
  }

  /** Suggestions and similar requests for a need. */
  async suggest(
    query: IndexQuery & { limit?: number; exceptRequestId?: number },
  ): Promise<ReuseSuggestionsResponse> {
    const entities = await this.currentEntities();
    const requests = await this.currentRequests();
    return {
      items: rankEntities(entities.index, query, {
        limit: query.limit ?? SUGGESTION_LIMITS.defaultLimit,
        minimumScore: this.minimumScore,
        semantic: await this.semanticFor(query.text, entities),
      }),
      similarRequests: rankRequests(requests.index, query, {
        limit: SIMILAR_REQUESTS_LIMIT,
        minimumScore: this.similarRequestMinimumScore,
        exceptId: query.exceptRequestId,
      }),
      indexedEntities: entities.index.size,
      indexedAt: entities.builtAt.toISOString(),
    };
  }

  /** Earlier requests that asked for much the same as this one (not itself). */
  async similarRequestsFor(request: TechRequest): Promise<SimilarRequest[]> {
    const requests = await this.currentRequests();
    return rankRequests(
      requests.index,
      {
        text: `${request.title}\n${request.need}`,
        capabilities: request.capabilities,
      },
      {
        limit: SIMILAR_REQUESTS_LIMIT,
        minimumScore: this.similarRequestMinimumScore,
        exceptId: request.id,
      },
    );
  }

  /**
   * The suggestions a request keeps when submitted. Best effort: with no index yet, or if
   * anything fails, the request is filed without a snapshot rather than refused.
   */
  async snapshotFor(request: TechRequest): Promise<ReuseSuggestion[]> {
    const entities = this.entities;
    if (!entities) {
      // Filed and submitted at once, a request has no id yet: its title says which it is.
      this.options.logger.warn(
        `Request '${request.title}' submitted before the reuse index was built; no suggestions stored`,
      );
      return [];
    }
    const text = `${request.title}\n${request.need}`;
    return rankEntities(
      entities.index,
      { text, capabilities: request.capabilities },
      {
        limit: SNAPSHOT_SIZE,
        minimumScore: this.minimumScore,
        semantic: await this.semanticFor(text, entities),
      },
    );
  }

  /** Looks at the catalog again now; set by whoever schedules the refresh. */
  private refreshNow?: () => Promise<void>;
  private lastRefreshOnDemand = 0;

  /** How to look at the catalog again on demand: when an empty index is asked a question. */
  refreshOnDemandWith(refresh: () => Promise<void>): void {
    this.refreshNow = refresh;
  }

  private async currentEntities(): Promise<BuiltIndex<ReuseEntity>> {
    // Built before the catalog had loaded: an empty index answers nothing useful, so the
    // catalog is read again first (at most every few seconds).
    if (
      this.entities?.index.size === 0 &&
      this.refreshNow &&
      Date.now() - this.lastRefreshOnDemand > EMPTY_INDEX_RECHECK_MS
    ) {
      this.lastRefreshOnDemand = Date.now();
      await this.refreshNow().catch(error =>
        this.options.logger.warn('Reading the catalog again failed', error),
      );
    }
    if (!this.entities) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.firstEntityIndex,
        new Promise(resolve => {
          timer = setTimeout(resolve, FIRST_BUILD_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    }
    if (!this.entities) {
      throw new ServiceUnavailableError(
        'The reuse index is still being built from the catalog; try again shortly',
      );
    }
    return this.entities;
  }

  /** Marks the request index stale when requests changed through another instance. */
  private async noticeChangesElsewhere(): Promise<void> {
    const read = this.options.requestsFingerprint;
    if (!read || Date.now() - this.requestsCheckedAt < REQUESTS_RECHECK_MS) {
      return;
    }
    this.requestsCheckedAt = Date.now();
    if ((await read()) !== this.requestsFingerprint) {
      this.requestsStale = true;
    }
  }

  /** The requests, with the fingerprint they were read at (read first: a change after counts). */
  private async loadRequests(): Promise<TechRequest[]> {
    const fingerprint = await this.options.requestsFingerprint?.();
    const requests = await this.options.loadRequests();
    this.requestsFingerprint = fingerprint;
    this.requestsCheckedAt = Date.now();
    return requests;
  }

  /** The request index, rebuilt first if requests changed; concurrent callers share one build. */
  private async currentRequests(): Promise<BuiltIndex<TechRequest>> {
    await this.noticeChangesElsewhere();
    if (this.requestsStale && !this.requestBuild) {
      this.requestsStale = false;
      this.requestBuild = this.loadRequests()
        .then(async requests => ({
          index: await ReuseIndex.build(
            requests,
            describeRequest,
            this.options,
          ),
          builtAt: new Date(),
        }))
        .then(
          built => {
            this.requests = built;
            return built;
          },
          error => {
            this.requestsStale = true;
            throw error;
          },
        )
        .finally(() => {
          this.requestBuild = undefined;
        });
    }
    // Requests are few and change one at a time: the answer waits for the (short) rebuild, so
    // a request filed a moment ago is already among the similar ones.
    return this.requestBuild ?? this.requests!;
  }
}
