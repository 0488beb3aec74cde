import { parseEntityRef } from '@backstage/catalog-model';
import { entityNameOf, summary } from './entityText';
import { TechRequest } from './model';

const MAX_TEMPLATE_DESCRIPTION_LENGTH = 200;

/**
 * What a software template is given to start an approved build: the request's title as a
 * component name, the requesting group as owner, the start of the need as description, and
 * the request id (for the template to annotate what it creates with).
 */
export function buildTemplateValues(
  request: Pick<TechRequest, 'id' | 'title' | 'need' | 'requestingGroup'>,
): Record<'name' | 'owner' | 'description' | 'requestId', string> {
  return {
    name: entityNameOf(request.title) || `tr-${request.id}`,
    owner: request.requestingGroup,
    description: summary(request.need, MAX_TEMPLATE_DESCRIPTION_LENGTH),
    requestId: String(request.id),
  };
}

/**
 * Where the scaffolder shows a template with the request's values filled in: its page under
 * `/create` (the scaffolder's usual mount), the values in `formData`.
 */
export function buildTemplatePath(
  templateRef: string,
  request: Parameters<typeof buildTemplateValues>[0],
): string {
  const { namespace, name } = parseEntityRef(templateRef, {
    defaultKind: 'template',
    defaultNamespace: 'default',
  });
  const formData = encodeURIComponent(
    JSON.stringify(buildTemplateValues(request)),
  );
  return `/create/templates/${namespace}/${name}?formData=${formData}`;
}
