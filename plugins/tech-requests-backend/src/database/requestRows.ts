import {
  FieldChange,
  HistoryEntry,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';

/** The tables of the plugin's database. */
export const REQUESTS = 'tech_requests';
export const HISTORY = 'tech_request_history';
export const REVIEWS = 'tech_request_reviews';
export const COMMENTS = 'tech_request_comments';

/** A request as it is written: everything but the id. */
export type NewRequestRow = Omit<TechRequest, 'id'>;

/** A row as a driver hands it over. */
export type Row = Record<string, any>;

/** Field name in the model → column name in the table, for the columns a request has. */
const COLUMNS: Record<keyof Omit<TechRequest, 'id'>, string> = {
  title: 'title',
  need: 'need',
  requestingGroup: 'requesting_group',
  requester: 'requester',
  businessSponsor: 'business_sponsor',
  audience: 'audience',
  expectedUsers: 'expected_users',
  wantedBy: 'wanted_by',
  budgetRange: 'budget_range',
  capabilities: 'capabilities',
  integrations: 'integrations',
  namedReuseCandidates: 'reuse_candidates',
  dataClassification: 'data_classification',
  handlesPersonalData: 'handles_personal_data',
  hosting: 'hosting',
  signIn: 'sign_in',
  dataLocation: 'data_location',
  vendorCertifications: 'vendor_certifications',
  vendorCandidates: 'vendor_candidates',
  preferredPath: 'preferred_path',
  status: 'status',
  decision: 'decision',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
  version: 'version',
  entityName: 'entity_name',
  reuseSuggestions: 'reuse_suggestions',
  costInputs: 'cost_inputs',
  statusChangedAt: 'status_changed_at',
  assessment: 'assessment',
};

const JSON_FIELDS = new Set<string>([
  'budgetRange',
  'capabilities',
  'integrations',
  'namedReuseCandidates',
  'reuseSuggestions',
  'vendorCertifications',
  'costInputs',
  'assessment',
  'vendorCandidates',
  'decision',
]);

/** Requests not deleted: every read and write of requests goes through this. */
export const live = (query: Knex.QueryBuilder) => query.whereNull('deleted_at');

/** The column "waiting for me" searches: `,security,privacy,`, or null when none is missing. */
function missingReviewsColumn(assessment: TechRequest['assessment']) {
  const missing = assessment?.missingReviews ?? [];
  return missing.length ? `,${missing.join(',')},` : null;
}

export function toColumns(fields: Partial<NewRequestRow>): Row {
  const row: Row = {};
  for (const [field, value] of Object.entries(fields)) {
    const column = COLUMNS[field as keyof NewRequestRow];
    if (value === undefined || value === null) {
      row[column] = null;
    } else {
      row[column] = JSON_FIELDS.has(field) ? JSON.stringify(value) : value;
    }
  }
  if ('assessment' in fields) {
    row.missing_reviews = missingReviewsColumn(fields.assessment);
  }
  return row;
}

export function fromColumns(row: Row): TechRequest {
  const request: Row = { id: Number(row.id) };
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = row[column];
    if (value === null || value === undefined) {
      continue;
    }
    request[field] = JSON_FIELDS.has(field) ? JSON.parse(value) : value;
  }
  // MySQL and SQLite hand booleans back as 0/1, and some drivers integers as strings.
  request.handlesPersonalData = Boolean(request.handlesPersonalData);
  request.version = Number(request.version);
  request.namedReuseCandidates ??= [];
  request.reuseSuggestions ??= [];
  request.vendorCertifications ??= [];
  if (request.expectedUsers !== undefined) {
    request.expectedUsers = Number(request.expectedUsers);
  }
  return request as TechRequest;
}

/** A history row as the API gives it. */
export function fromHistoryRow(row: Record<string, any>): HistoryEntry {
  return {
    id: Number(row.id),
    requestId: Number(row.request_id),
    actor: row.actor,
    action: row.action,
    at: row.at,
    changes: JSON.parse(row.changes) as Record<string, FieldChange>,
    ...(row.note !== null && { note: row.note }),
  };
}
