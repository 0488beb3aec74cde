import { Offering } from '@tech-requests/plugin-tech-requests-common';
import { costPerUserMonthOf } from '../assessment';
import { EntityMark, OfferingSettings } from '../config/offerings';
import { ReuseEntity } from '../reuse/reuseEntities';
import { Vocabulary } from '../reuse/Vocabulary';

/** Where an entity's owners say how to get it, in words or as an address. */
export const HOW_TO_GET_ANNOTATION = 'tech-requests.io/how-to-get';

/** Set to "false" on an entity to keep it off the offerings whatever the configuration. */
export const OFFERING_ANNOTATION = 'tech-requests.io/offering';

/**
 * How surely a field's words tell what an entity does. A single word in a description ("chat",
 * "signature") may be said in passing, so it does not make a capability on its own there.
 */
const FIELD_WEIGHTS = { title: 1, tags: 1, description: 0.8 };
const LEAST_CAPABILITY_EVIDENCE = 0.5;

function hasMark(entity: ReuseEntity, mark: EntityMark): boolean {
  return Boolean(
    (mark.tag && entity.tags.includes(mark.tag)) ||
    (mark.annotation && entity.annotations?.[mark.annotation] !== undefined),
  );
}

/** Whether an entity of the reuse index counts as an offering under these settings. */
export function isOffering(
  entity: ReuseEntity,
  settings: OfferingSettings,
): boolean {
  const kind = entity.kind.toLowerCase();
  const type = entity.type?.toLowerCase();
  return (
    entity.annotations?.[OFFERING_ANNOTATION]?.trim().toLowerCase() !==
      'false' &&
    settings.kinds.some(k => k.toLowerCase() === kind) &&
    (!type || !settings.types || settings.types.includes(type)) &&
    (!type || !settings.excludeTypes.includes(type)) &&
    (!settings.include || hasMark(entity, settings.include)) &&
    (!settings.exclude || !hasMark(entity, settings.exclude))
  );
}

/** The capabilities an entity serves, the surest first. */
function capabilitiesOf(entity: ReuseEntity, vocabulary: Vocabulary) {
  const strength = new Map<string, { label: string; strength: number }>();
  const texts = {
    title: entity.title ?? entity.name.replace(/[-_.]/g, ' '),
    tags: entity.tags.join(', '),
    description: entity.description ?? '',
  };
  for (const [field, text] of Object.entries(texts)) {
    for (const match of vocabulary.find(text)) {
      const evidence =
        match.strength * FIELD_WEIGHTS[field as keyof typeof texts];
      const known = strength.get(match.capability.id);
      if (
        evidence >= LEAST_CAPABILITY_EVIDENCE &&
        (!known || known.strength < evidence)
      ) {
        strength.set(match.capability.id, {
          label: match.capability.label,
          strength: evidence,
        });
      }
    }
  }
  return [...strength.entries()]
    .sort(
      ([idA, a], [idB, b]) =>
        b.strength - a.strength ||
        a.label.localeCompare(b.label) ||
        (idA < idB ? -1 : 1),
    )
    .map(([id, { label }]) => ({ id, label }));
}

/** How to get an entity: its owners' words or address, else its first link. */
function howToGetOf(entity: ReuseEntity): Offering['howToGet'] {
  const said = entity.annotations?.[HOW_TO_GET_ANNOTATION]?.trim();
  if (said) {
    return /^https?:\/\//i.test(said) ? { url: said } : { text: said };
  }
  return (
    entity.firstLink && {
      url: entity.firstLink.url,
      ...(entity.firstLink.title && { text: entity.firstLink.title }),
    }
  );
}

/** An entity of the reuse index as the offerings page shows it. */
export function toOffering(
  entity: ReuseEntity,
  vocabulary: Vocabulary,
): Offering {
  const howToGet = howToGetOf(entity);
  const costPerUserMonth = costPerUserMonthOf(entity.annotations);
  return {
    entityRef: entity.entityRef,
    kind: entity.kind,
    ...(entity.type && { type: entity.type }),
    title: entity.title ?? entity.name,
    ...(entity.description && { description: entity.description }),
    ...(entity.owner && { owner: entity.owner }),
    capabilities: capabilitiesOf(entity, vocabulary),
    usedBy: entity.dependentGroups,
    ...(howToGet && { howToGet }),
    ...(costPerUserMonth !== undefined && { costPerUserMonth }),
    ...(entity.lifecycle && { lifecycle: entity.lifecycle }),
    deprecated: entity.lifecycle?.toLowerCase() === 'deprecated',
  };
}
