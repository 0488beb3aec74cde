import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  Offering,
  OFFERING_LIMITS,
  OfferingFacet,
  OfferingsPage,
  OfferingsQuery,
} from '@tech-requests/plugin-tech-requests-common';
import { OfferingSettings } from '../config/offerings';
import { ReuseEntity } from '../reuse/reuseEntities';
import { stem, words } from '../reuse/text';
import { Vocabulary } from '../reuse/Vocabulary';
import { isOffering, toOffering } from './toOffering';

/** An offering with the words a search finds it by. */
interface Listed {
  offering: Offering;
  /** Every word of its name, description, tags, type and capabilities, as written and stemmed. */
  words: Set<string>;
  /** Groups that own or use it. */
  departments: Set<string>;
}

/** The label of a group ref in a facet: its name, as its title is not indexed. */
const groupLabel = (ref: string) => parseEntityRef(ref).name;

/** Capability first, the surest one; offerings that serve none known come last. */
function byCapabilityThenTitle(a: Offering, b: Offering): number {
  const capabilityA = a.capabilities[0]?.label;
  const capabilityB = b.capabilities[0]?.label;
  if (capabilityA !== capabilityB) {
    if (!capabilityA) return 1;
    if (!capabilityB) return -1;
    return capabilityA.localeCompare(capabilityB);
  }
  return (
    a.title.localeCompare(b.title) || a.entityRef.localeCompare(b.entityRef)
  );
}

function facet(
  values: Iterable<string>,
  labelOf: (value: string) => string,
): OfferingFacet[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, label: labelOf(value), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Reads a cursor: the position of the next page's first offering. */
function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) {
    return 0;
  }
  if (!/^\d+$/.test(cursor)) {
    throw new InputError('cursor: not a cursor of an offerings page');
  }
  return Number(cursor);
}

/**
 * "What IT offers": the entities of the reuse index that count as offerings, in business
 * words, kept in memory and replaced whenever the index reads the catalog again, so that a page
 * never reads the catalog.
 */
export class OfferingsCatalog {
  private listed: Listed[] = [];
  /** The current (not deprecated) offerings by lower-case ref: refs ignore case. */
  private current = new Map<string, Offering>();
  private indexedAt = new Date(0);

  constructor(
    private readonly options: {
      vocabulary: Vocabulary;
      settings: OfferingSettings;
      currency: string;
    },
  ) {}

  /** Takes the entities the reuse index was just built from. */
  replaceEntities(entities: ReuseEntity[]): void {
    const { vocabulary, settings } = this.options;
    this.listed = entities
      .filter(entity => isOffering(entity, settings))
      .map(entity => {
        const offering = toOffering(entity, vocabulary);
        const written = words(
          [
            offering.title,
            entity.name,
            offering.description,
            offering.type,
            ...entity.tags,
            ...offering.capabilities.map(c => c.label),
          ]
            .filter(Boolean)
            .join(' '),
        );
        return {
          offering,
          words: new Set([...written, ...written.map(stem)]),
          departments: new Set(
            [offering.owner, ...offering.usedBy].filter((ref): ref is string =>
              Boolean(ref),
            ),
          ),
        };
      })
      .sort((a, b) => byCapabilityThenTitle(a.offering, b.offering));
    this.current = new Map(
      this.listed
        .filter(({ offering }) => !offering.deprecated)
        .map(({ offering }) => [offering.entityRef.toLowerCase(), offering]),
    );
    this.indexedAt = new Date();
  }

  /** The entity, when it is a current offering (deprecated ones are not offered). */
  offered(entityRef: string): { kind: string; title: string } | undefined {
    const found = this.current.get(entityRef.toLowerCase());
    return found && { kind: found.kind, title: found.title };
  }

  /**
   * The offerings whose first capability is one the words speak of ("sign contracts":
   * e-signature) before the others, each part in the usual order: the groups a person
   * searched for come first.
   */
  private capabilitiesAskedFirst(listed: Listed[], q?: string): Listed[] {
    const asked = new Set(
      this.options.vocabulary.find(q ?? '').map(match => match.capability.id),
    );
    if (asked.size === 0) {
      return listed;
    }
    const isAsked = ({ offering }: Listed) =>
      asked.has(offering.capabilities[0]?.id ?? '');
    return [...listed.filter(isAsked), ...listed.filter(l => !isAsked(l))];
  }

  /** One page of the offerings the query selects, with the selection's facets. */
  page(query: OfferingsQuery): OfferingsPage {
    const limit = query.limit ?? OFFERING_LIMITS.defaultPageSize;
    const offset = offsetOf(query.cursor);
    const wanted = words(query.q ?? '');
    const matching = this.listed.filter(
      ({ offering, words: known, departments }) =>
        (query.includeDeprecated || !offering.deprecated) &&
        (!query.capability ||
          offering.capabilities.some(c => c.id === query.capability)) &&
        (!query.department || departments.has(query.department)) &&
        wanted.every(
          word =>
            known.has(word) ||
            known.has(stem(word)) ||
            [...known].some(k => k.startsWith(word)),
        ),
    );
    const selected = this.capabilitiesAskedFirst(matching, query.q);
    const labels = new Map(
      selected.flatMap(({ offering }) =>
        offering.capabilities.map(c => [c.id, c.label] as const),
      ),
    );
    return {
      items: selected
        .slice(offset, offset + limit)
        .map(({ offering }) => offering),
      totalCount: selected.length,
      ...(offset + limit < selected.length && {
        nextCursor: String(offset + limit),
      }),
      facets: {
        capabilities: facet(
          selected.flatMap(({ offering }) =>
            offering.capabilities.map(c => c.id),
          ),
          id => labels.get(id) ?? id,
        ),
        departments: facet(
          selected.flatMap(({ departments }) => [...departments]),
          groupLabel,
        ),
      },
      currency: this.options.currency,
      indexedAt: this.indexedAt.toISOString(),
    };
  }
}
