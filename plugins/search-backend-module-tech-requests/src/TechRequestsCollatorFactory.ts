import { Readable } from 'stream';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  TECH_REQUESTS_SEARCH_TYPE,
  TechRequest,
  techRequestReadPermission,
} from '@tech-requests/plugin-tech-requests-common';
import { TechRequestDocument, toDocument } from './toDocument';

/** Where a request's page is in the app, `:id` standing for its id. */
export const DEFAULT_LOCATION_TEMPLATE = '/tech-requests/:id';

/**
 * Makes technology requests findable from the portal's search. Drafts are their owner's
 * alone and never indexed; every other request is, each with its id as the resource the read
 * permission is checked on, so that the search backend shows a result only to those who may
 * read the request.
 */
export class TechRequestsCollatorFactory implements DocumentCollatorFactory {
  readonly type = TECH_REQUESTS_SEARCH_TYPE;
  readonly visibilityPermission = techRequestReadPermission;

  constructor(
    private readonly options: {
      /** Every request the module may read, a page at a time. */
      pages: () => AsyncIterable<TechRequest[]>;
      locationTemplate?: string;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<TechRequestDocument> {
    const location = this.options.locationTemplate ?? DEFAULT_LOCATION_TEMPLATE;
    for await (const page of this.options.pages()) {
      for (const request of page) {
        if (request.status !== 'draft') {
          yield toDocument(request, location);
        }
      }
    }
  }
}
