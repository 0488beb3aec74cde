import { Config } from '@backstage/config';

/**
 * Infrastructure a business person does not ask for by name: left off "What IT offers" unless
 * `techRequests.offerings.excludeTypes` says otherwise. Reuse still suggests it.
 */
const DEFAULT_EXCLUDED_TYPES = [
  'library',
  'database',
  'cluster',
  'cdn',
  'message-broker',
  's3-bucket',
];

/** A tag or an annotation that marks an entity. */
export interface EntityMark {
  tag?: string;
  annotation?: string;
}

/** `techRequests.offerings`: which entities of the reuse index count as offerings. */
export interface OfferingSettings {
  /** Only entities of these kinds (among the reuse kinds). */
  kinds: string[];
  /** When set, only entities whose `spec.type` is one of these; entities without a type stay. */
  types?: string[];
  /** Entities whose `spec.type` is one of these are left out. */
  excludeTypes: string[];
  /** When set, only entities with this tag or annotation. */
  include?: EntityMark;
  /** Entities with this tag or annotation are left out. */
  exclude?: EntityMark;
}

function markFrom(config: Config | undefined): EntityMark | undefined {
  const tag = config?.getOptionalString('tag');
  const annotation = config?.getOptionalString('annotation');
  return tag || annotation ? { tag, annotation } : undefined;
}

/**
 * Reads `techRequests.offerings`. Offerings are drawn from the reuse index, so a kind the index
 * does not hold is refused at start-up, naming the key.
 */
export function offeringSettingsFromConfig(
  config: Config,
  reuseKinds: string[],
): OfferingSettings {
  const offerings = config.getOptionalConfig('techRequests.offerings');
  const kinds = offerings?.getOptionalStringArray('kinds') ?? reuseKinds;
  const indexed = new Set(reuseKinds.map(kind => kind.toLowerCase()));
  const outside = kinds.filter(kind => !indexed.has(kind.toLowerCase()));
  if (outside.length) {
    throw new Error(
      `techRequests.offerings.kinds: ${outside.join(', ')} not among techRequests.reuse.kinds (${reuseKinds.join(', ')}); offerings are drawn from the reuse index`,
    );
  }
  return {
    kinds,
    types: offerings?.getOptionalStringArray('types'),
    excludeTypes:
      offerings?.getOptionalStringArray('excludeTypes') ??
      DEFAULT_EXCLUDED_TYPES,
    include: markFrom(offerings?.getOptionalConfig('include')),
    exclude: markFrom(offerings?.getOptionalConfig('exclude')),
  };
}
