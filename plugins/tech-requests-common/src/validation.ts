import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { RequestDetails } from './model';
import { isBlank, nameProblem } from './text';

/** The catalog's own rules for kinds, namespaces and names. */
const CATALOG_NAMES = makeValidator();

/** A problem with one field of a request, named the way the API names it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Returns the full form of an entity ref (`kind:namespace/name`), or undefined when the
 * text is not one. The kind must be given; `expectedKind`, when set, must match. Kind,
 * namespace and name must be ones the catalog accepts, so no ref names an entity that
 * cannot exist.
 */
export function normalizeEntityRef(
  ref: string,
  expectedKind?: string,
): string | undefined {
  try {
    const parsed = parseEntityRef(ref.trim());
    if (
      !CATALOG_NAMES.isValidKind(parsed.kind) ||
      // Refs compare namespaces ignoring case, and stringify them in lower case.
      !CATALOG_NAMES.isValidNamespace(parsed.namespace.toLowerCase()) ||
      !CATALOG_NAMES.isValidEntityName(parsed.name)
    ) {
      return undefined;
    }
    if (
      expectedKind &&
      parsed.kind.toLowerCase() !== expectedKind.toLowerCase()
    ) {
      return undefined;
    }
    return stringifyEntityRef(parsed);
  } catch {
    return undefined;
  }
}

const EXAMPLE_REFS = {
  integrations: 'system:default/crm',
  namedReuseCandidates: 'component:default/esign-gateway',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a calendar date in `YYYY-MM-DD` form that really exists. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() === Number(match[1]) &&
    date.getUTCMonth() + 1 === Number(match[2]) &&
    date.getUTCDate() === Number(match[3])
  );
}

/** Request fields as a create or an edit sends them: optional ones may be `null` to clear. */
export type CheckableDetails = {
  [K in keyof RequestDetails]?: RequestDetails[K] | null;
};

/**
 * Checks the rules a schema cannot express (entity refs, real dates, ranges, blank text)
 * on the fields present, and returns them with entity refs in full form.
 */
export function checkRequestDetails<T extends CheckableDetails>(
  details: T,
): { value: T; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value: T = { ...details };

  // One problem per field: a blank title is blank before it is anything else.
  for (const field of ['title', 'need', 'businessSponsor'] as const) {
    const text = details[field];
    if (typeof text !== 'string') {
      continue;
    }
    const problem =
      field !== 'businessSponsor' && isBlank(text)
        ? `${field} must not be blank`
        : field !== 'need' && nameProblem(field, text);
    if (problem) {
      problems.push({ field, message: problem });
    }
  }

  if (typeof details.requestingGroup === 'string') {
    const ref = normalizeEntityRef(details.requestingGroup, 'group');
    if (ref) {
      value.requestingGroup = ref;
    } else {
      problems.push({
        field: 'requestingGroup',
        message: `requestingGroup must be a group entity ref such as group:default/legal, got '${details.requestingGroup}'`,
      });
    }
  }

  for (const field of ['integrations', 'namedReuseCandidates'] as const) {
    const refs = details[field];
    if (refs) {
      value[field] = refs.map((item, index) => {
        const ref = normalizeEntityRef(item);
        if (!ref) {
          problems.push({
            field: `${field}[${index}]`,
            message: `${field}[${index}] must be an entity ref such as ${EXAMPLE_REFS[field]}, got '${item}'`,
          });
        }
        return ref ?? item;
      });
      if (new Set(value[field]).size !== refs.length) {
        problems.push({
          field,
          message: `${field} must not name the same entity twice`,
        });
      }
    }
  }

  if (typeof details.wantedBy === 'string' && !isIsoDate(details.wantedBy)) {
    problems.push({
      field: 'wantedBy',
      message: `wantedBy must be a date in YYYY-MM-DD form, got '${details.wantedBy}'`,
    });
  }

  const budget = details.budgetRange;
  if (
    budget &&
    budget.min !== undefined &&
    budget.max !== undefined &&
    budget.min > budget.max
  ) {
    problems.push({
      field: 'budgetRange',
      message: 'budgetRange.min must not be greater than budgetRange.max',
    });
  }

  if (details.vendorCertifications) {
    // Codes compare as lower case; the same one twice says nothing more.
    value.vendorCertifications = [
      ...new Set(
        details.vendorCertifications.map(code => code.trim().toLowerCase()),
      ),
    ];
    if (value.vendorCertifications.some(code => isBlank(code))) {
      problems.push({
        field: 'vendorCertifications',
        message: 'vendorCertifications must not hold blank codes',
      });
    }
  }

  details.vendorCandidates?.forEach((vendor, index) => {
    const field = `vendorCandidates[${index}].name`;
    const problem = isBlank(vendor.name)
      ? `${field} must not be blank`
      : nameProblem(field, vendor.name);
    if (problem) {
      problems.push({ field, message: problem });
    }
  });

  return { value, problems };
}
