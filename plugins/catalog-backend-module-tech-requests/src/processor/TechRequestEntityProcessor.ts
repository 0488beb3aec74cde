import {
  Entity,
  entityKindSchemaValidator,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isTechnologyRequestEntity,
  RELATION_REUSED_BY,
  RELATION_REUSES,
  TECH_REQUEST_RELATIONS,
  technologyRequestEntitySchema,
  TechnologyRequestEntityV1alpha1,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * Teaches the catalog the TechnologyRequest kind: validates its entities against the kind's
 * schema and emits both directions of every relation its spec names.
 */
export class TechRequestEntityProcessor implements CatalogProcessor {
  private readonly validate =
    entityKindSchemaValidator<TechnologyRequestEntityV1alpha1>(
      technologyRequestEntitySchema,
    );

  getProcessorName(): string {
    return 'TechRequestEntityProcessor';
  }

  /** True for valid TechnologyRequest entities; throws, naming the field, for malformed ones. */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    return this.validate(entity) !== false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: unknown,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isTechnologyRequestEntity(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    for (const {
      field,
      relation,
      reverse,
      defaultKind,
    } of TECH_REQUEST_RELATIONS) {
      const value = entity.spec[field];
      for (const ref of value === undefined
        ? []
        : ([] as string[]).concat(value)) {
        // An entity that does not exist (yet) is fine: the relation dangles, as Backstage allows.
        const target = parseEntityRef(ref, {
          defaultKind,
          defaultNamespace: self.namespace,
        });
        emit(
          processingResult.relation({ source: self, type: relation, target }),
        );
        emit(
          processingResult.relation({
            source: target,
            type: reverse,
            target: self,
          }),
        );
      }
    }
    this.emitReuse(entity, emit);
    return entity;
  }

  /**
   * An approved reuse makes the requesting group a user of the reused entity: the entity's
   * page and the reuse suggestions count it among the teams already using it.
   */
  private emitReuse(
    entity: TechnologyRequestEntityV1alpha1,
    emit: CatalogProcessorEmit,
  ) {
    const { decision, fulfilledBy, owner } = entity.spec;
    if (decision !== 'reuse' || !fulfilledBy) {
      return;
    }
    const { namespace } = getCompoundEntityRef(entity);
    const group = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    });
    const reused = parseEntityRef(fulfilledBy, {
      defaultKind: 'component',
      defaultNamespace: namespace,
    });
    emit(
      processingResult.relation({
        source: reused,
        type: RELATION_REUSED_BY,
        target: group,
      }),
    );
    emit(
      processingResult.relation({
        source: group,
        type: RELATION_REUSES,
        target: reused,
      }),
    );
  }
}
