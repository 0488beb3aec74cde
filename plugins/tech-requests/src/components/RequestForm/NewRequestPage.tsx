import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { RequestForm } from './RequestForm';

/** The intake form: a few short steps, then submit or keep as a draft. */
export function NewRequestPage() {
  return <RequestForm />;
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
