import { ANNOTATION_REQUEST_ID } from '@tech-requests/plugin-tech-requests-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import { isMap, parseAllDocuments } from 'yaml';

/**
 * Writes `tech-requests.io/request-id: '<id>'` on every entity of a catalog-info file,
 * keeping the rest of the file — comments, order, other documents — as it was. Returns the
 * refs of the entities, in file order. An entity that already names another request is
 * refused rather than silently moved to this one.
 */
export async function annotateCatalogInfo(
  file: string,
  shownPath: string,
  requestId: number,
): Promise<string[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(
        `catalogInfoPath: there is no ${shownPath} in the workspace; fetch the skeleton with it first`,
      );
    }
    throw error;
  }
  const documents = parseAllDocuments(text);
  const refs: string[] = [];
  for (const document of documents) {
    if ('errors' in document && document.errors.length) {
      throw new InputError(
        `catalogInfoPath: ${shownPath} is not valid YAML: ${document.errors[0].message}`,
      );
    }
    const entity = document.toJS();
    if (!isMap(document.contents) || !entity?.kind || !entity?.metadata?.name) {
      continue;
    }
    const annotationPath = ['metadata', 'annotations', ANNOTATION_REQUEST_ID];
    const named = document.getIn(annotationPath);
    const ref = stringifyEntityRef(entity);
    if (named !== undefined && String(named).trim() !== String(requestId)) {
      throw new InputError(
        `catalogInfoPath: ${ref} in ${shownPath} already names request ${String(named)} in its ${ANNOTATION_REQUEST_ID} annotation`,
      );
    }
    // A string, as Kubernetes-style annotations must be.
    document.setIn(annotationPath, String(requestId));
    refs.push(ref);
  }
  if (!refs.length) {
    throw new InputError(
      `catalogInfoPath: ${shownPath} holds no catalog entity (a document with kind and metadata.name)`,
    );
  }
  await fs.writeFile(
    file,
    documents.map(document => document.toString()).join(''),
    'utf8',
  );
  return refs;
}
