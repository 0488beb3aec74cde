import { LoggerService } from '@backstage/backend-plugin-api';
import { ReuseEngine } from './ReuseEngine';
import { ReuseEntity } from './reuseEntities';

/** Where the entities reuse is chosen from come from: the catalog, in the plugin. */
export interface ReuseSource {
  /** Changes whenever an indexed entity appears, changes or goes. */
  fingerprint(): Promise<string>;
  readAll(): Promise<ReuseEntity[]>;
}

/**
 * The scheduled refresh: rebuilds the index when the catalog changed since the last build,
 * and does nothing otherwise. The current index keeps answering meanwhile.
 */
export function reuseIndexRefresher(
  source: ReuseSource,
  engine: ReuseEngine,
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
    await engine.replaceEntities(entities);
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
