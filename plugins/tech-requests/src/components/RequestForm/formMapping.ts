import {
  CreateRequestInput,
  TechRequestView,
  UpdateRequestInput,
} from '@tech-requests/plugin-tech-requests-common';
import { capabilitiesOf, FormState } from './formState';

/** The request body of what was typed. */
export function toRequest(
  form: FormState,
  submit: boolean,
): CreateRequestInput {
  return {
    title: form.title.trim(),
    need: form.need,
    capabilities: capabilitiesOf(form),
    preferredPath: form.preferredPath,
    ...(form.expectedUsers && { expectedUsers: Number(form.expectedUsers) }),
    ...(form.wantedBy && { wantedBy: form.wantedBy }),
    ...(form.budgetMax && {
      budgetRange: { max: Number(form.budgetMax), currency: form.currency },
    }),
    ...(form.businessSponsor.trim() && {
      businessSponsor: form.businessSponsor.trim(),
    }),
    dataClassification: form.dataClassification,
    handlesPersonalData: form.handlesPersonalData,
    hosting: form.hosting,
    signIn: form.signIn,
    dataLocation: form.dataLocation,
    vendorCertifications: form.vendorCertifications,
    integrations: form.integrations,
    namedReuseCandidates: form.namedReuseCandidates,
    vendorCandidates: form.vendorName.trim()
      ? [
          {
            name: form.vendorName.trim(),
            ...(form.vendorUrl && { url: form.vendorUrl }),
          },
        ]
      : [],
    submit,
  };
}

/** The form filled with a stored request, for editing it. */
export function fromRequest(request: TechRequestView): FormState {
  const [vendor] = request.vendorCandidates;
  return {
    title: request.title,
    need: request.need,
    capabilities: request.capabilities.join(', '),
    preferredPath: request.preferredPath,
    expectedUsers:
      request.expectedUsers === undefined ? '' : String(request.expectedUsers),
    wantedBy: request.wantedBy ?? '',
    budgetMax:
      request.budgetRange?.max === undefined
        ? ''
        : String(request.budgetRange.max),
    currency: request.budgetRange?.currency ?? 'EUR',
    businessSponsor: request.businessSponsor ?? '',
    dataClassification: request.dataClassification,
    handlesPersonalData: request.handlesPersonalData,
    hosting: request.hosting,
    signIn: request.signIn,
    dataLocation: request.dataLocation,
    vendorCertifications: request.vendorCertifications,
    integrations: request.integrations,
    namedReuseCandidates: request.namedReuseCandidates,
    vendorName: vendor?.name ?? '',
    vendorUrl: vendor?.url ?? '',
  };
}

/** An edit of `existing`: emptied optional fields are cleared, other vendors kept. */
export function toUpdate(
  form: FormState,
  existing: TechRequestView,
): UpdateRequestInput {
  const { submit, vendorCandidates, ...details } = toRequest(form, false);
  const [first, ...otherVendors] = existing.vendorCandidates;
  const edited = vendorCandidates?.[0] && {
    ...(first?.name === vendorCandidates[0].name &&
      first.quotedCost && { quotedCost: first.quotedCost }),
    ...vendorCandidates[0],
  };
  return {
    expectedUsers: null,
    wantedBy: null,
    budgetRange: null,
    businessSponsor: null,
    ...details,
    vendorCandidates: [...(edited ? [edited] : []), ...otherVendors],
    version: existing.version,
  };
}
