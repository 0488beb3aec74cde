import { LoggerService } from '@backstage/backend-plugin-api';
import { ReuseEntity } from './reuseEntities';

/** Where the entities reuse is chosen from come from: the catalog, in the plugin. */
export interface ReuseSource {
  /** Changes whenever an indexed entity appears, changes or goes. */
  fingerprint(): Promise<string>;
  readAll(): Promise<ReuseEntity[]>;
}

/** What is built from the entities the catalog holds: the reuse index, the offerings. */
export interface EntityFollower {
  replaceEntities(entities: ReuseEntity[]): void | Promise<void>;
}

/**
 * The scheduled refresh: hands the catalog's entities to each follower, in order, when the
 * catalog changed since the last time, and does nothing otherwise. What was built before keeps
 * answering meanwhile.
 */
export function reuseIndexRefresher(
  source: ReuseSource,
  followers: EntityFollower[],
  logger: LoggerService,
): () => Promise<void> {
  let indexed: string | undefined;
  let running: Promise<void> | undefined;
  const refresh = async () => {
    const fingerprint = await source.fingerprint();
    if (fingerprint === indexed) {
      return;
    }
    const entities = await source.readAll();
    for (const follower of followers) {
      await follower.replaceEntities(entities);
    }
    indexed = fingerprint;
    logger.debug(
      `Reuse index follows catalog state ${fingerprint.slice(0, 12)}`,
    );
  };
  // The schedule and an on-demand check share one run at a time.
  return () => {
    running ??= refresh().finally(() => {
      running = undefined;
    });
    return running;
  };
}
