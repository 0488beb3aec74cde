import {
  CreateRequestInput,
  TechRequestView,
  UpdateRequestInput,
} from '@tech-requests/plugin-tech-requests-common';
import { budgetOf, capabilitiesOf, FormState } from './formState';
import { readCount, readWebAddress } from './typedValues';

/** The request body of what was typed. */
export function toRequest(
  form: FormState,
  submit: boolean,
): CreateRequestInput {
  const expectedUsers = readCount(form.expectedUsers);
  const budget = budgetOf(form);
  const vendorUrl = readWebAddress(form.vendorUrl);
  return {
    title: form.title.trim(),
    need: form.need,
    capabilities: capabilitiesOf(form),
    preferredPath: form.preferredPath,
    ...(form.audience && { audience: form.audience }),
    ...(expectedUsers !== undefined && { expectedUsers }),
    ...(form.wantedBy && { wantedBy: form.wantedBy }),
    ...(budget && {
      budgetRange: {
        max: budget.amount,
        // "€20k" says its currency; a bare figure is in the currency field's.
        currency: budget.currency ?? form.currency,
      },
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
            ...(vendorUrl && { url: vendorUrl }),
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
    audience: request.audience ?? '',
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
    audience: null,
    expectedUsers: null,
    wantedBy: null,
    budgetRange: null,
    businessSponsor: null,
    ...details,
    vendorCandidates: [...(edited ? [edited] : []), ...otherVendors],
    version: existing.version,
  };
}
