import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  TechRequest,
  TechRequestsClient,
} from '@tech-requests/plugin-tech-requests-common';
import { createTechRequestsServiceClient } from '@tech-requests/plugin-tech-requests-node';

/** Where the provider reads requests from. */
export interface RequestSource {
  /** Every request, whatever its status. Throws when any page cannot be read. */
  listAll(): Promise<TechRequest[]>;
  /** One request, or undefined when it does not exist. */
  get(id: number): Promise<TechRequest | undefined>;
}

/** Reads the tech-requests backend through its HTTP API, with the module's own service credentials. */
export class HttpRequestSource implements RequestSource {
  private readonly client: TechRequestsClient;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    const { discovery, auth } = options;
    this.client = createTechRequestsServiceClient({ discovery, auth });
  }

  async listAll(): Promise<TechRequest[]> {
    const requests: TechRequest[] = [];
    for await (const page of this.client.eachRequestPage()) {
      requests.push(...page);
    }
    return requests;
  }

  async get(id: number): Promise<TechRequest | undefined> {
    try {
      return await this.client.getRequest(id);
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 404) {
        return undefined;
      }
      throw error;
    }
  }
}
