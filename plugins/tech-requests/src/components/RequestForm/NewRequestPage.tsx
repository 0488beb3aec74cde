import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { RequestForm } from './RequestForm';

/**
 * The intake form: a few short steps, then submit or keep as a draft. With `?offering=<ref>`
 * (the "I want this" of What IT offers), a request to reuse that entity, filled in from it.
 */
export function NewRequestPage() {
  const offeringRef = useSearchParams()[0].get('offering');
  const catalogApi = useApiHolder().get(catalogApiRef);
  const offering = useAsync(async () => {
    if (!offeringRef) {
      return undefined;
    }
    // Without the catalog, or for an entity it cannot read now, the ref still names it.
    const entity = await catalogApi
      ?.getEntityByRef(offeringRef)
      .catch(() => undefined);
    return {
      entityRef: offeringRef,
      title: entity?.metadata.title ?? entity?.metadata.name ?? offeringRef,
    };
  }, [catalogApi, offeringRef]);
  if (offering.loading) {
    return <Progress />;
  }
  if (!offering.value) {
    return <RequestForm />;
  }
  const { entityRef, title } = offering.value;
  return (
    <RequestForm
      key={entityRef}
      keepAs={`new-for-${entityRef}`}
      initial={{
        title: `Use ${title}`,
        need: `We would like to use ${title}. `,
        preferredPath: 'reuse',
        namedReuseCandidates: [entityRef],
      }}
      intro={`You are asking to use ${title}, which IT already runs. Say what your team needs it for; the other answers help IT set it up for you.`}
    />
  );
}

/** The same form, filled with a request its requester may still change. */
export function EditRequestPage() {
  const api = useApi(techRequestsApiRef);
  const id = Number(useParams().id);
  const loaded = useAsync(() => api.getRequest(id), [api, id]);
  if (loaded.loading) {
    return <Progress />;
  }
  if (loaded.error || !loaded.value) {
    return (
      <ResponseErrorPanel error={loaded.error ?? new Error('Not found')} />
    );
  }
  return <RequestForm existing={loaded.value} />;
}
