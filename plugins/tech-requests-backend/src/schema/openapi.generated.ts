// Generated from openapi.yaml by `npm run generate:openapi`; do not edit.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of the Tech Requests API. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'tech-requests',
    version: '1',
    description:
      'Technology requests filed by business units and the workflow IT runs on them.\n\nEvery call except `GET /health` needs a Backstage user token; the reads (`GET`) also take\nservice tokens, which the catalog module uses. The acting person is always the signed-in\nuser: no body field can name somebody else.\n\nEvery change is announced on the events service, topic `tech-requests`, with the payload\n`{ requestId, action, actor, status?, version?, at, reviewsNeeded? }` (`reviewsNeeded`: the\nmandatory reviews the change made necessary).\n\nErrors use Backstage\'s error shape (`{ "error": { "name", "message" }, "request",\n"response" }`): 400 `InputError` names the field at fault, 403 `NotAllowedError` says who\nmay act, 404 `NotFoundError`, and 409 `ConflictError` for a stale version or an action\nthe status does not allow (the message names the current version or the actions allowed\nnow). A JSON body larger than 100 kB answers 413 `PayloadTooLargeError`.\n',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Answers when the plugin is up; needs no credentials.',
        security: [],
        responses: {
          '200': {
            description: 'The plugin is up.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status'],
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/requests': {
      post: {
        operationId: 'CreateRequest',
        description:
          "Files a request as the signed-in user. It is kept as a draft unless `submit` is true.\n`requestingGroup` defaults to the user's only group and must be one the user belongs to.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateRequestBody',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The request as stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'ListRequests',
        description:
          'Lists requests, newest first unless sorted otherwise. Page with `offset` or with the\n`nextCursor` of the previous page (a cursor keeps its place when requests are added);\n`totalCount` counts every match, whatever the page.\n',
        parameters: [
          {
            name: 'status',
            in: 'query',
            description:
              'Only requests in these statuses; repeat the parameter for several.',
            schema: {
              type: 'array',
              maxItems: 9,
              items: {
                $ref: '#/components/schemas/RequestStatus',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'requestingGroup',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'requester',
            in: 'query',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'waitingForMe',
            in: 'query',
            description:
              "Only requests on which the signed-in user has a step to take now: submitting their\nown drafts and deferred requests; other people's requests they can move on by their\nroles (triage, decision, delivery); and other people's submitted or in-review\nrequests that still lack a mandatory review in an area they review\n(`techRequests.workflow.reviewAreas`). Not for service callers.\n",
            schema: {
              type: 'boolean',
            },
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description:
              'Text to find in the title or the need, ignoring case.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'sort',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['created', 'updated', 'title'],
              default: 'created',
            },
          },
          {
            name: 'order',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
              default: 'desc',
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 20,
            },
          },
          {
            name: 'offset',
            in: 'query',
            description: 'Skip this many matches; not combined with `cursor`.',
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 1000000,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            allowReserved: true,
            description:
              'The `nextCursor` of the previous page, with the same filters and sort.',
            schema: {
              type: 'string',
              maxLength: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of requests.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RequestPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}': {
      get: {
        operationId: 'GetRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        responses: {
          '200': {
            description:
              'The request, with the actions the signed-in user may take now.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      patch: {
        operationId: 'UpdateRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          'Changes the fields given, as the requester or a member of the requesting group, while\nthe request is a draft, submitted (before review starts) or deferred. `version` must\nbe the version the client read; otherwise the answer is 409 with the current version.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpdateRequestBody',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The request as stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      delete: {
        operationId: 'DeleteRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          'Deletes a draft, as the requester or a member of the requesting group: it answers 404\nfrom then on, while its history (ending with the `delete` entry) stays in the database,\nappend-only. A submitted request is on record and can only be withdrawn.\n',
        responses: {
          '204': {
            description: 'Deleted.',
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/transitions': {
      post: {
        operationId: 'TransitionRequest',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          'Moves the request through its workflow. `approve`, `reject` and `defer` need a\n`rationale`; `approve` needs `decision.path`, `reuse` a `decision.targetEntityRef` and\n`buy` a `decision.vendor`. An action the status does not allow answers 409 naming the\nactions allowed now.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TransitionBody',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The request in its new status.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/reviews': {
      post: {
        operationId: 'AddReview',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          'Adds a review by someone who did not file the request, in an area they review: a\nrouted area (`techRequests.workflow.reviewAreas`) only by members of its groups, other\nareas by any reviewer or decider. Another area answers 403 naming the groups that\ngive its reviews.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewBody',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The stored review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Review',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'ListReviews',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        responses: {
          '200': {
            description: 'The reviews, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Review',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/comments': {
      post: {
        operationId: 'AddComment',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['body'],
                properties: {
                  body: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 10000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The stored comment.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Comment',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'ListComments',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        responses: {
          '200': {
            description: 'The comments, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Comment',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/reuse/suggestions': {
      post: {
        operationId: 'SuggestReuse',
        description:
          'Existing catalog entities that could serve a need, best first, with the reasons a\nperson can check, and earlier requests that asked for much the same thing. Scores\nare 0–1 and mean the same across queries; suggestions below the configured minimum\nscore (`techRequests.reuse.minimumScore`, 0.3 by default) are left out, so an empty\n`items` means nothing in the catalog fits well. Deprecated entities come after all\nothers, with a warning among their reasons. `similarRequests` lists earlier requests\nscoring at least `techRequests.reuse.similarRequestMinimumScore` (0.5 by default),\nnever the request asked about. Takes user and service tokens. Answers 503 while the\nindex is first being built after start-up.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['text'],
                properties: {
                  text: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 20000,
                    description:
                      "The need in the requester's words; any language and script is accepted, matching works best in English.",
                  },
                  capabilities: {
                    type: 'array',
                    maxItems: 30,
                    items: {
                      type: 'string',
                      minLength: 1,
                      maxLength: 100,
                    },
                    description:
                      'Capabilities the requester named, by id, label or phrase of the vocabulary (for example `e-signature`).',
                  },
                  limit: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 50,
                    default: 10,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'Suggestions, similar requests, and the state of the index.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReuseSuggestions',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '503': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/offerings': {
      get: {
        operationId: 'ListOfferings',
        description:
          '"What IT offers": the catalog entities that count as offerings\n(`techRequests.offerings`: kinds, types, a tag or annotation to include or exclude),\nin business words, grouped by the capability each serves most surely (the reuse\nvocabulary\'s), then by title; offerings that serve no known capability come last. When\nthe words of `q` speak of capabilities, the groups of those capabilities come first.\nServed from the reuse index in memory, which reads the catalog on its schedule: a\ncall never reads the catalog. Deprecated offerings are left out unless asked for.\n`facets` count the capabilities and departments of the whole selection, for filters.\nTakes user and service tokens. Fields may be added to an offering; clients ignore\nthose they do not know.\n',
        parameters: [
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description:
              "Words that must each appear (or start a word) in the offering's name, description, tags, type or capabilities.",
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'capability',
            in: 'query',
            allowReserved: true,
            description:
              'Only offerings that serve this capability, by its id (for example `e-signature`).',
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'department',
            in: 'query',
            allowReserved: true,
            description:
              'Only offerings this group owns or uses, by its entity ref (for example `group:default/legal`).',
            schema: {
              type: 'string',
              maxLength: 300,
            },
          },
          {
            name: 'includeDeprecated',
            in: 'query',
            description: 'Deprecated offerings too.',
            schema: {
              type: 'boolean',
              default: false,
            },
          },
          {
            name: 'limit',
            in: 'query',
            description: 'At most this many offerings.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 20,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            description: 'The `nextCursor` of the previous page.',
            schema: {
              type: 'string',
              maxLength: 20,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of offerings and the facets of the selection.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OfferingsPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/gate': {
      get: {
        operationId: 'CheckGate',
        description:
          "The delivery gate: whether a piece of work is covered by an approved request, for\ntemplates, pipelines and assistants to check before they build or deploy. Give either\n`requestId` or `entityRef` (an entity whose `tech-requests.io/request-id` annotation\nnames the request), not both.\n\n`covered`: the request is approved, in delivery or completed, to build or buy.\n`refused`: anything else, with a reason a developer can act on — the request is open\n(and what it waits for), deferred, rejected or withdrawn, its decision was to reuse\n(`reuse` names what to use instead), no request names the entity (with\n`fileRequestUrl`), the entity is not in the catalog, or the request does not exist\n(or the caller may not read it). `exempt` and `not-required`: the entity's system or\nowner is exempt, or its kind or type need not be covered (`techRequests.gate`).\n`allowed` is false only for `refused` in `enforce` mode; in `warn` mode refused work is\nallowed with the same reason. Answers 200 whatever the verdict; a caller that may not\nread the request is told there is none. Takes user and service tokens; every call is\nan auditor event, and nothing else is recorded. Fields may be added to the answer;\nclients ignore those they do not know.\n",
        parameters: [
          {
            name: 'requestId',
            in: 'query',
            description: "A request's id.",
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 2147483647,
            },
          },
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'An entity ref, such as `component:default/booking-service`.',
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: "The gate's answer.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GateAnswer',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/portfolio': {
      get: {
        operationId: 'GetPortfolio',
        description:
          "Where demand stands, for deciders and IT leadership: demand by department and status,\nrequests waiting per stage (by age, and past the stage's service level), the decision\nmix per quarter, time from submission to decision, the most requested capabilities,\ncapabilities several departments asked for, and the three-year money of approvals\nper department and quarter. Drafts are never counted: they are not demand yet.\n\nNeeds the `tech-requests.portfolio.read` permission (403 otherwise). The example\npolicy grants it to reviewer, decider and review-area groups and to\n`techRequests.workflow.portfolioReaderGroups`; whoever holds it sees the aggregates\nof every department. Computed by the database over facts kept with every write: a\ncall loads no request. Takes user and service tokens.\n\nPeriod: `from` and `to` are days (UTC), both included. Demand, capabilities and shared\nneeds count requests submitted in the period; decisions, time to decision and money\ncount decisions taken in it; waiting requests are those waiting now, whenever\nsubmitted. A request submitted again after a deferral counts from its last\nsubmission. Fields may be added to the answer; clients ignore those they do not know.\n",
        parameters: [
          {
            name: 'from',
            in: 'query',
            description:
              'First day of the period, `YYYY-MM-DD`. By default the first day of the quarter three quarters before the one `to` falls in (four quarters in all).',
            schema: {
              type: 'string',
              format: 'date',
            },
          },
          {
            name: 'to',
            in: 'query',
            description:
              'Last day of the period, `YYYY-MM-DD`, included. Today (UTC) by default.',
            schema: {
              type: 'string',
              format: 'date',
            },
          },
          {
            name: 'department',
            in: 'query',
            allowReserved: true,
            description:
              'Only requests of this requesting group, by its entity ref (for example\n`group:default/legal`; `legal` is read as `group:default/legal`). Shared needs then\nlist the capabilities this group asked for that other groups asked for too, with\nevery group that did.\n',
            schema: {
              type: 'string',
              maxLength: 300,
            },
          },
        ],
        responses: {
          '200': {
            description: "The portfolio's aggregates.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PortfolioReport',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/reuse-candidates': {
      post: {
        operationId: 'AssessReuseCandidate',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          "A reviewer or decider confirms or dismisses one of the request's reuse candidates,\nor adds an entity the engine missed (it must exist in the catalog; it joins with\norigin `reviewer`). Possible while the request is submitted or in review, never on\none's own request. Confirmed candidates become the request's `hasReuseCandidate`\nrelations in the catalog, and a `reuse` approval must name one of them. Recorded in\nthe history as `assess-reuse`. Adding an entity the request does not have yet answers\n503 while the catalog cannot be read (nothing is written; try again shortly).\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['version', 'entityRef', 'state'],
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                  },
                  entityRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  state: {
                    $ref: '#/components/schemas/ReuseCandidateState',
                  },
                  note: {
                    type: 'string',
                    maxLength: 5000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The request with the candidate in its new state.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
          '503': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/cost-inputs': {
      put: {
        operationId: 'SetCostInputs',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          'Replaces what reviewers adjusted in the cost model (users, horizon, prices, effort)\nand recomputes the assessment. Reviewers and deciders, while the request is submitted\nor in review and not their own. Recorded in the history as `cost-inputs` with the\nvalues before and after.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['version', 'inputs'],
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                  },
                  inputs: {
                    $ref: '#/components/schemas/CostInputs',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The request with its recomputed assessment.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/security-answers': {
      put: {
        operationId: 'CorrectSecurityAnswers',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
        ],
        description:
          'A reviewer corrects the requester\'s answers on data and security (a "don\'t know", or\na wrong guess) and the risk is recomputed from them. Reviewers and deciders, while the\nrequest is submitted or in review and not their own. `answers` holds the answers that\nchange (any of dataClassification, handlesPersonalData, hosting, signIn, dataLocation,\nvendorCertifications); answers equal to the stored ones change nothing and write no\nhistory. Recorded in the history as `correct-answers` with each answer before and\nafter and the `note`. Reviews that judged the old answers count as stale, as after\nan edit.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['version', 'answers'],
                properties: {
                  version: {
                    type: 'integer',
                    minimum: 1,
                  },
                  answers: {
                    type: 'object',
                    additionalProperties: false,
                    minProperties: 1,
                    properties: {
                      dataClassification: {
                        $ref: '#/components/schemas/DataClassification',
                      },
                      handlesPersonalData: {
                        type: 'boolean',
                      },
                      hosting: {
                        $ref: '#/components/schemas/Hosting',
                      },
                      signIn: {
                        $ref: '#/components/schemas/SignIn',
                      },
                      dataLocation: {
                        $ref: '#/components/schemas/DataLocation',
                      },
                      vendorCertifications: {
                        $ref: '#/components/schemas/VendorCertifications',
                      },
                    },
                  },
                  note: {
                    type: 'string',
                    maxLength: 5000,
                    description:
                      'Why the answers were corrected; kept in the history.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The request with its corrected answers and recomputed assessment.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TechRequestView',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/review-routing': {
      get: {
        operationId: 'GetReviewRouting',
        description:
          'Who reviews which area and who decides (`techRequests.workflow`), for pages that say\nwhose review a request waits for.\n',
        responses: {
          '200': {
            description: 'The routing.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewRouting',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/history': {
      get: {
        operationId: 'GetHistory',
        parameters: [
          {
            $ref: '#/components/parameters/RequestId',
          },
          {
            name: 'limit',
            in: 'query',
            description: 'At most this many entries.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 100,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            description:
              'The `nextCursor` of the previous page; the next page starts after it.',
            schema: {
              type: 'string',
              maxLength: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description:
              "The changes to the request, oldest first, a page at a time. Refusals of one person's action enter the history once an hour at most (every attempt is audited).",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/HistoryEntry',
                      },
                    },
                    nextCursor: {
                      type: 'string',
                      description:
                        'Present when more entries follow; pass it as `cursor`.',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      RequestId: {
        name: 'id',
        in: 'path',
        required: true,
        description:
          "A request's id, in decimal digits (no sign, exponent or leading zero).",
        schema: {
          type: 'string',
          pattern: '^[1-9][0-9]{0,9}$',
        },
      },
    },
    responses: {
      Error: {
        description: 'A Backstage error.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
          },
          response: {
            type: 'object',
          },
        },
      },
      EntityRef: {
        type: 'string',
        description:
          'A full entity ref, `kind:namespace/name`; `kind:name` means the default namespace.',
        minLength: 3,
        maxLength: 255,
      },
      RequestStatus: {
        type: 'string',
        enum: [
          'draft',
          'submitted',
          'in-review',
          'approved',
          'rejected',
          'deferred',
          'in-delivery',
          'completed',
          'withdrawn',
        ],
      },
      DecisionPath: {
        type: 'string',
        enum: ['reuse', 'buy', 'build'],
      },
      Money: {
        type: 'number',
        minimum: 0,
        maximum: 1000000000000,
      },
      Currency: {
        type: 'string',
        description: 'An ISO 4217 code such as EUR.',
        pattern: '^[A-Z]{3}$',
      },
      BudgetRange: {
        type: 'object',
        nullable: true,
        additionalProperties: false,
        required: ['currency'],
        properties: {
          min: {
            $ref: '#/components/schemas/Money',
          },
          max: {
            $ref: '#/components/schemas/Money',
          },
          currency: {
            $ref: '#/components/schemas/Currency',
          },
        },
      },
      VendorCandidate: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          url: {
            type: 'string',
            maxLength: 2000,
            pattern: '^https?://',
          },
          quotedCost: {
            type: 'object',
            additionalProperties: false,
            required: ['amount', 'currency', 'period'],
            properties: {
              amount: {
                $ref: '#/components/schemas/Money',
              },
              currency: {
                $ref: '#/components/schemas/Currency',
              },
              period: {
                type: 'string',
                enum: ['one-off', 'monthly', 'yearly', 'per-user-monthly'],
              },
            },
          },
        },
      },
      Title: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
      },
      Need: {
        type: 'string',
        description:
          "The business problem in the requester's words (markdown).",
        minLength: 1,
        maxLength: 20000,
      },
      BusinessSponsor: {
        nullable: true,
        type: 'string',
        description: 'The person in the business who backs the request.',
        maxLength: 200,
      },
      Audience: {
        nullable: true,
        type: 'string',
        enum: ['staff', 'customers', 'both', null],
        description:
          "Who will use the solution: the company's own staff, its customers, or both. Optional;\n`expectedUsers` says roughly how many.\n",
      },
      ExpectedUsers: {
        nullable: true,
        type: 'integer',
        minimum: 0,
        maximum: 10000000,
      },
      WantedBy: {
        nullable: true,
        type: 'string',
        description: 'A date, YYYY-MM-DD.',
        maxLength: 10,
      },
      Capabilities: {
        type: 'array',
        description: 'Short phrases such as "e-signature".',
        maxItems: 30,
        items: {
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
      },
      Integrations: {
        type: 'array',
        description:
          'Entity refs of the systems and APIs the solution must work with.',
        maxItems: 50,
        items: {
          $ref: '#/components/schemas/EntityRef',
        },
      },
      NamedReuseCandidates: {
        type: 'array',
        description:
          'Entity refs of existing components, systems, APIs or resources the requester thinks might serve the need; on submission they join `reuseSuggestions` (origin `requester`) for reviewers to confirm. When `preferredPath` is `reuse`, one that is a current offering (`GET /offerings`) joins confirmed, with the reason that the requester chose it from what IT offers.',
        maxItems: 50,
        items: {
          $ref: '#/components/schemas/EntityRef',
        },
      },
      DeprecatedReuseCandidates: {
        deprecated: true,
        type: 'array',
        description:
          'The old name of `namedReuseCandidates`, accepted in bodies and given in answers until the next version of the API. A body may not give both.',
        maxItems: 50,
        items: {
          $ref: '#/components/schemas/EntityRef',
        },
      },
      DataClassification: {
        type: 'string',
        enum: ['public', 'internal', 'confidential', 'restricted'],
      },
      HandlesPersonalData: {
        type: 'boolean',
      },
      Hosting: {
        type: 'string',
        enum: ['on-premises', 'company-cloud', 'vendor-cloud', 'unknown'],
        description:
          "Who will run it — our premises, our cloud, or the vendor's.",
      },
      SignIn: {
        type: 'string',
        enum: ['company-account', 'separate-accounts', 'no-sign-in', 'unknown'],
        description:
          'How people sign in — with their company account, with accounts of its own, or not at all.',
      },
      DataLocation: {
        type: 'string',
        enum: ['eu', 'us', 'other', 'unknown'],
        description: 'Where the data is stored.',
      },
      VendorCertifications: {
        type: 'array',
        maxItems: 10,
        description:
          'Certifications the vendor holds, as short codes; the form offers soc2, iso27001, iso27701 and bsi-c5.',
        items: {
          type: 'string',
          minLength: 1,
          maxLength: 30,
        },
      },
      VendorCandidates: {
        type: 'array',
        maxItems: 20,
        items: {
          $ref: '#/components/schemas/VendorCandidate',
        },
      },
      PreferredPath: {
        type: 'string',
        enum: ['reuse', 'buy', 'build', 'unsure'],
      },
      CreateRequestBody: {
        description:
          '`title` and `need` are required. Defaults: `dataClassification` internal,\n`handlesPersonalData` false, `hosting`, `signIn` and `dataLocation` unknown,\n`preferredPath` unsure, empty lists.\n',
        type: 'object',
        additionalProperties: false,
        required: ['title', 'need'],
        properties: {
          title: {
            $ref: '#/components/schemas/Title',
          },
          need: {
            $ref: '#/components/schemas/Need',
          },
          requestingGroup: {
            $ref: '#/components/schemas/EntityRef',
          },
          businessSponsor: {
            $ref: '#/components/schemas/BusinessSponsor',
          },
          audience: {
            $ref: '#/components/schemas/Audience',
          },
          expectedUsers: {
            $ref: '#/components/schemas/ExpectedUsers',
          },
          wantedBy: {
            $ref: '#/components/schemas/WantedBy',
          },
          budgetRange: {
            $ref: '#/components/schemas/BudgetRange',
          },
          capabilities: {
            $ref: '#/components/schemas/Capabilities',
          },
          integrations: {
            $ref: '#/components/schemas/Integrations',
          },
          namedReuseCandidates: {
            $ref: '#/components/schemas/NamedReuseCandidates',
          },
          reuseCandidates: {
            $ref: '#/components/schemas/DeprecatedReuseCandidates',
          },
          dataClassification: {
            $ref: '#/components/schemas/DataClassification',
          },
          handlesPersonalData: {
            $ref: '#/components/schemas/HandlesPersonalData',
          },
          hosting: {
            $ref: '#/components/schemas/Hosting',
          },
          signIn: {
            $ref: '#/components/schemas/SignIn',
          },
          dataLocation: {
            $ref: '#/components/schemas/DataLocation',
          },
          vendorCertifications: {
            $ref: '#/components/schemas/VendorCertifications',
          },
          vendorCandidates: {
            $ref: '#/components/schemas/VendorCandidates',
          },
          preferredPath: {
            $ref: '#/components/schemas/PreferredPath',
          },
          submit: {
            type: 'boolean',
            description: 'Submit at once instead of keeping a draft.',
          },
        },
      },
      UpdateRequestBody: {
        description:
          'The fields to change, and the version the client read. `null` clears an optional\nfield (businessSponsor, audience, expectedUsers, wantedBy, budgetRange).\n',
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        minProperties: 2,
        properties: {
          title: {
            $ref: '#/components/schemas/Title',
          },
          need: {
            $ref: '#/components/schemas/Need',
          },
          requestingGroup: {
            $ref: '#/components/schemas/EntityRef',
          },
          businessSponsor: {
            $ref: '#/components/schemas/BusinessSponsor',
          },
          audience: {
            $ref: '#/components/schemas/Audience',
          },
          expectedUsers: {
            $ref: '#/components/schemas/ExpectedUsers',
          },
          wantedBy: {
            $ref: '#/components/schemas/WantedBy',
          },
          budgetRange: {
            $ref: '#/components/schemas/BudgetRange',
          },
          capabilities: {
            $ref: '#/components/schemas/Capabilities',
          },
          integrations: {
            $ref: '#/components/schemas/Integrations',
          },
          namedReuseCandidates: {
            $ref: '#/components/schemas/NamedReuseCandidates',
          },
          reuseCandidates: {
            $ref: '#/components/schemas/DeprecatedReuseCandidates',
          },
          dataClassification: {
            $ref: '#/components/schemas/DataClassification',
          },
          handlesPersonalData: {
            $ref: '#/components/schemas/HandlesPersonalData',
          },
          hosting: {
            $ref: '#/components/schemas/Hosting',
          },
          signIn: {
            $ref: '#/components/schemas/SignIn',
          },
          dataLocation: {
            $ref: '#/components/schemas/DataLocation',
          },
          vendorCertifications: {
            $ref: '#/components/schemas/VendorCertifications',
          },
          vendorCandidates: {
            $ref: '#/components/schemas/VendorCandidates',
          },
          preferredPath: {
            $ref: '#/components/schemas/PreferredPath',
          },
          version: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      TransitionBody: {
        type: 'object',
        additionalProperties: false,
        required: ['action'],
        properties: {
          action: {
            type: 'string',
            enum: [
              'submit',
              'start-review',
              'approve',
              'reject',
              'defer',
              'start-delivery',
              'complete',
              'withdraw',
            ],
          },
          rationale: {
            type: 'string',
            maxLength: 5000,
          },
          version: {
            type: 'integer',
            minimum: 1,
            description:
              'When given, the transition is refused with 409 if the request changed since.',
          },
          decision: {
            type: 'object',
            additionalProperties: false,
            properties: {
              path: {
                $ref: '#/components/schemas/DecisionPath',
              },
              targetEntityRef: {
                $ref: '#/components/schemas/EntityRef',
              },
              vendor: {
                type: 'string',
                maxLength: 200,
              },
            },
          },
        },
      },
      ReviewBody: {
        type: 'object',
        additionalProperties: false,
        required: ['area', 'verdict', 'comment'],
        properties: {
          area: {
            $ref: '#/components/schemas/ReviewArea',
          },
          verdict: {
            type: 'string',
            enum: ['approve', 'concerns', 'reject'],
          },
          comment: {
            type: 'string',
            minLength: 1,
            maxLength: 10000,
          },
        },
      },
      Decision: {
        type: 'object',
        required: ['outcome', 'rationale', 'decidedBy', 'decidedAt'],
        properties: {
          outcome: {
            type: 'string',
            enum: ['approved', 'rejected', 'deferred'],
          },
          path: {
            $ref: '#/components/schemas/DecisionPath',
          },
          targetEntityRef: {
            type: 'string',
          },
          vendor: {
            type: 'string',
          },
          rationale: {
            type: 'string',
          },
          decidedBy: {
            type: 'string',
          },
          decidedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ReuseCandidateState: {
        type: 'string',
        enum: ['suggested', 'confirmed', 'dismissed'],
      },
      ReuseCandidate: {
        type: 'object',
        required: ['entityRef', 'origin', 'state', 'reasons'],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          origin: {
            type: 'string',
            enum: ['engine', 'requester', 'reviewer'],
            description:
              "The engine's snapshot at submission, named by the requester, or added by a reviewer.",
          },
          state: {
            $ref: '#/components/schemas/ReuseCandidateState',
          },
          score: {
            type: 'number',
            description:
              "The engine's score (0–1) when the snapshot was taken.",
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          assessedBy: {
            type: 'string',
          },
          assessedAt: {
            type: 'string',
            format: 'date-time',
          },
          note: {
            type: 'string',
          },
        },
      },
      ReuseSuggestion: {
        type: 'object',
        required: ['entityRef', 'kind', 'title', 'score', 'reasons'],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          score: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          match: {
            type: 'string',
            enum: ['strong', 'possible'],
            description:
              'strong when the score is at least 0.6 and the entity provides a capability the need speaks of, or is close to it in meaning; shared words alone make a possible match.',
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      SimilarRequest: {
        type: 'object',
        required: [
          'id',
          'title',
          'status',
          'requestingGroup',
          'score',
          'reasons',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RequestStatus',
          },
          requestingGroup: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
            description: "The request's catalog entity, once submitted.",
          },
          score: {
            type: 'number',
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      Offering: {
        type: 'object',
        required: [
          'entityRef',
          'kind',
          'title',
          'capabilities',
          'usedBy',
          'deprecated',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          type: {
            type: 'string',
            description: "The entity's `spec.type`, when it has one.",
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          owner: {
            type: 'string',
            description: "The owning group's entity ref.",
          },
          capabilities: {
            type: 'array',
            description:
              'The capabilities it serves, the one it serves most surely first.',
            items: {
              type: 'object',
              required: ['id', 'label'],
              properties: {
                id: {
                  type: 'string',
                },
                label: {
                  type: 'string',
                },
              },
            },
          },
          usedBy: {
            type: 'array',
            description:
              'Groups other than the owner that use it, through catalog relations (their entities depend on it or consume its APIs) and through approved requests to reuse it.',
            items: {
              type: 'string',
            },
          },
          howToGet: {
            type: 'object',
            description:
              "From the entity's `tech-requests.io/how-to-get` annotation (words, or an address), else its first link.",
            properties: {
              text: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          costPerUserMonth: {
            type: 'number',
            description:
              "From the entity's `tech-requests.io/cost-per-user-month` annotation, in the page's `currency`.",
          },
          lifecycle: {
            type: 'string',
          },
          deprecated: {
            type: 'boolean',
          },
        },
      },
      OfferingFacet: {
        type: 'object',
        required: ['value', 'label', 'count'],
        properties: {
          value: {
            type: 'string',
          },
          label: {
            type: 'string',
          },
          count: {
            type: 'integer',
          },
        },
      },
      OfferingsPage: {
        type: 'object',
        required: ['items', 'totalCount', 'facets', 'currency', 'indexedAt'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Offering',
            },
          },
          totalCount: {
            type: 'integer',
            description:
              'How many offerings the query selects, over every page.',
          },
          nextCursor: {
            type: 'string',
            description:
              'Present when more offerings follow; pass it as `cursor`.',
          },
          facets: {
            type: 'object',
            required: ['capabilities', 'departments'],
            properties: {
              capabilities: {
                type: 'array',
                description:
                  'Capability ids of the selection, with labels and counts, most first.',
                items: {
                  $ref: '#/components/schemas/OfferingFacet',
                },
              },
              departments: {
                type: 'array',
                description:
                  'Groups that own or use offerings of the selection (entity refs, labelled by name), most first.',
                items: {
                  $ref: '#/components/schemas/OfferingFacet',
                },
              },
            },
          },
          currency: {
            type: 'string',
            description: 'The cost currency (`techRequests.cost.currency`).',
          },
          indexedAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the catalog was last read; before the first read the list is empty and this is 1970-01-01.',
          },
        },
      },
      GateAnswer: {
        type: 'object',
        required: ['allowed', 'verdict', 'reason', 'mode'],
        properties: {
          allowed: {
            type: 'boolean',
            description: 'Whether the work may go on.',
          },
          verdict: {
            type: 'string',
            enum: ['covered', 'refused', 'exempt', 'not-required'],
          },
          reason: {
            type: 'string',
            description: 'Why, in words a developer acts on.',
          },
          mode: {
            type: 'string',
            enum: ['enforce', 'warn'],
            description: '`techRequests.gate.mode`.',
          },
          entityRef: {
            type: 'string',
            description: 'The entity asked about, as a full ref.',
          },
          request: {
            type: 'object',
            required: ['id', 'title', 'status', 'url'],
            properties: {
              id: {
                type: 'integer',
              },
              title: {
                type: 'string',
              },
              status: {
                $ref: '#/components/schemas/RequestStatus',
              },
              url: {
                type: 'string',
                description:
                  "The request's page in the portal (`app.baseUrl`).",
              },
              decision: {
                type: 'object',
                required: ['outcome', 'decidedBy', 'decidedAt'],
                properties: {
                  outcome: {
                    type: 'string',
                    enum: ['approved', 'rejected', 'deferred'],
                  },
                  path: {
                    $ref: '#/components/schemas/DecisionPath',
                  },
                  targetEntityRef: {
                    type: 'string',
                  },
                  vendor: {
                    type: 'string',
                  },
                  decidedBy: {
                    type: 'string',
                  },
                  decidedAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            },
          },
          reuse: {
            type: 'string',
            description:
              'What to reuse instead of building, when the decision was to reuse.',
          },
          fileRequestUrl: {
            type: 'string',
            description: 'Where to file a request, when none covers the work.',
          },
        },
      },
      PortfolioReport: {
        type: 'object',
        required: [
          'period',
          'currency',
          'generatedAt',
          'demand',
          'waiting',
          'decisionMix',
          'timeToDecision',
          'topCapabilities',
          'sharedNeeds',
          'money',
          'delivery',
        ],
        properties: {
          period: {
            type: 'object',
            required: ['from', 'to'],
            properties: {
              from: {
                type: 'string',
                format: 'date',
              },
              to: {
                type: 'string',
                format: 'date',
              },
            },
          },
          department: {
            type: 'string',
            description:
              'The group the figures are limited to, as a full entity ref; absent for every department.',
          },
          currency: {
            type: 'string',
            description:
              'ISO 4217 code of every amount (`techRequests.cost.currency`).',
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          demand: {
            type: 'array',
            description:
              'Requests submitted in the period, per requesting department and current status; combinations without requests are left out.',
            items: {
              type: 'object',
              required: ['department', 'status', 'requests'],
              properties: {
                department: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/RequestStatus',
                },
                requests: {
                  type: 'integer',
                },
              },
            },
          },
          waiting: {
            type: 'array',
            description:
              'One entry per stage in which a request waits (submitted, in-review, deferred, approved, in-delivery), in that order, with requests waiting now whatever the period.',
            items: {
              type: 'object',
              required: ['stage', 'requests', 'ages'],
              properties: {
                stage: {
                  $ref: '#/components/schemas/RequestStatus',
                },
                requests: {
                  type: 'integer',
                },
                ages: {
                  type: 'object',
                  description:
                    'How many were submitted less than 7 days ago, 7 to 27, 28 to 90, and 91 or more.',
                  required: [
                    'under-1-week',
                    '1-to-4-weeks',
                    '1-to-3-months',
                    'over-3-months',
                  ],
                  properties: {
                    'under-1-week': {
                      type: 'integer',
                    },
                    '1-to-4-weeks': {
                      type: 'integer',
                    },
                    '1-to-3-months': {
                      type: 'integer',
                    },
                    'over-3-months': {
                      type: 'integer',
                    },
                  },
                },
                targetWorkingDays: {
                  type: 'integer',
                  description:
                    "The stage's service level (`techRequests.serviceLevels`); absent when it has none.",
                },
                overdue: {
                  type: 'integer',
                  description:
                    'How many are past the target, counted as the request page does; absent when the stage has no target.',
                },
                waitingSince: {
                  type: 'string',
                  format: 'date-time',
                  description:
                    'When the longest-waiting request entered the stage.',
                },
              },
            },
          },
          decisionMix: {
            type: 'array',
            description:
              'Decisions taken in the period, per quarter (`2026-Q4`, UTC), the earliest first; quarters without decisions are left out. A request counts with its current decision.',
            items: {
              type: 'object',
              required: [
                'quarter',
                'reuse',
                'buy',
                'build',
                'rejected',
                'deferred',
              ],
              properties: {
                quarter: {
                  type: 'string',
                },
                reuse: {
                  type: 'integer',
                },
                buy: {
                  type: 'integer',
                },
                build: {
                  type: 'integer',
                },
                rejected: {
                  type: 'integer',
                },
                deferred: {
                  type: 'integer',
                },
              },
            },
          },
          timeToDecision: {
            type: 'object',
            description:
              'Calendar days from submission to decision, over the decisions taken in the period, rounded to a tenth of a day. A deferred request submitted again has no time until it is decided again.',
            required: ['decisions'],
            properties: {
              decisions: {
                type: 'integer',
              },
              medianDays: {
                type: 'number',
                description:
                  'The middle value; of an even count, the mean of the two middle values. Absent without decisions.',
              },
              p90Days: {
                type: 'number',
                description:
                  '90th percentile, nearest rank. Absent without decisions.',
              },
            },
          },
          topCapabilities: {
            type: 'array',
            description:
              'The ten capabilities most asked for by requests submitted in the period, named by the reuse vocabulary (a phrase it does not know counts as written).',
            items: {
              type: 'object',
              required: ['capability', 'requests', 'departments'],
              properties: {
                capability: {
                  type: 'string',
                },
                requests: {
                  type: 'integer',
                },
                departments: {
                  type: 'integer',
                },
              },
            },
          },
          sharedNeeds: {
            type: 'array',
            description:
              'Up to ten capabilities that more than one department asked for in the period, the most departments first.',
            items: {
              type: 'object',
              required: ['capability', 'departments', 'requests', 'undecided'],
              properties: {
                capability: {
                  type: 'string',
                },
                departments: {
                  type: 'array',
                  description:
                    'Group refs, the one with the most requests first.',
                  items: {
                    type: 'string',
                  },
                },
                requests: {
                  type: 'integer',
                },
                undecided: {
                  type: 'integer',
                  description:
                    'Of those requests, how many are submitted or in review.',
                },
              },
            },
          },
          money: {
            type: 'array',
            description:
              'Approvals decided in the period, per requesting department and quarter. Amounts\ncover three years (a shorter cost horizon repeats its last year) from the cost\nassessment as it stands.\n',
            items: {
              type: 'object',
              required: [
                'department',
                'quarter',
                'approvals',
                'approvedCost',
                'reuseApprovals',
                'reuseSaving',
              ],
              properties: {
                department: {
                  type: 'string',
                },
                quarter: {
                  type: 'string',
                },
                approvals: {
                  type: 'integer',
                },
                approvedCost: {
                  type: 'number',
                  description:
                    'Three-year cost of the approved paths (0 for those not costed).',
                },
                reuseApprovals: {
                  type: 'integer',
                },
                reuseSaving: {
                  type: 'number',
                  description:
                    'For approved reuse, the cheapest costed alternative (buy or build) minus reuse, over three years; negative when reuse cost more. Reuse without a costed alternative adds nothing.',
                },
              },
            },
          },
          delivery: {
            type: 'object',
            description:
              'Work outside the front door now, whatever the period: of the catalog entities the\nreuse index reads, those the delivery gate covers (`techRequests.gate.covered`,\nnot exempt) and how many of them no approved request to build or buy is behind\n(no `tech-requests.io/request-id` annotation, or one naming a request that does not\ncover them). With `department`, the entities that group owns.\n',
            required: [
              'inScope',
              'uncovered',
              'uncoveredInProduction',
              'examples',
            ],
            properties: {
              inScope: {
                type: 'integer',
              },
              uncovered: {
                type: 'integer',
              },
              uncoveredInProduction: {
                type: 'integer',
              },
              examples: {
                type: 'array',
                description:
                  'Up to ten uncovered entities, those in production first, then by ref.',
                items: {
                  type: 'object',
                  required: ['entityRef', 'title'],
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    title: {
                      type: 'string',
                    },
                    lifecycle: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
        },
      },
      ReuseSuggestions: {
        type: 'object',
        required: ['items', 'similarRequests', 'indexedEntities', 'indexedAt'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReuseSuggestion',
            },
          },
          similarRequests: {
            type: 'array',
            description:
              'Submitted, decided or delivered requests (not drafts, not withdrawn) asking for much the same, at most 5.',
            items: {
              $ref: '#/components/schemas/SimilarRequest',
            },
          },
          indexedEntities: {
            type: 'integer',
          },
          indexedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      Amount: {
        type: 'number',
        minimum: 0,
        maximum: 1000000000000,
      },
      CostInputs: {
        type: 'object',
        additionalProperties: false,
        description:
          'What a reviewer adjusts in the cost model; absent values come from the request and `techRequests.cost`.',
        properties: {
          users: {
            type: 'integer',
            minimum: 0,
            maximum: 10000000,
          },
          horizonYears: {
            type: 'integer',
            minimum: 1,
            maximum: 10,
          },
          reuse: {
            type: 'object',
            additionalProperties: false,
            properties: {
              onboardingDays: {
                $ref: '#/components/schemas/Amount',
              },
              costPerUserMonth: {
                $ref: '#/components/schemas/Amount',
              },
            },
          },
          buy: {
            type: 'object',
            additionalProperties: false,
            properties: {
              licencePerUserMonth: {
                $ref: '#/components/schemas/Amount',
              },
              subscriptionPerYear: {
                $ref: '#/components/schemas/Amount',
              },
              implementationCost: {
                $ref: '#/components/schemas/Amount',
              },
              integrationDays: {
                $ref: '#/components/schemas/Amount',
              },
            },
          },
          build: {
            type: 'object',
            additionalProperties: false,
            properties: {
              effortPersonWeeks: {
                $ref: '#/components/schemas/Amount',
              },
              runCostPerYear: {
                $ref: '#/components/schemas/Amount',
              },
              maintenanceShare: {
                type: 'number',
                minimum: 0,
                maximum: 1,
              },
            },
          },
        },
      },
      Finding: {
        type: 'object',
        required: ['ruleId', 'severity', 'message', 'evidence'],
        properties: {
          ruleId: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['info', 'warning', 'blocker'],
          },
          message: {
            type: 'string',
          },
          evidence: {
            type: 'array',
            description:
              "Entity refs, earlier requests' entity refs, or config keys.",
            items: {
              type: 'string',
            },
          },
        },
      },
      PathCost: {
        type: 'object',
        required: ['path', 'perYear', 'total', 'assumptions'],
        properties: {
          path: {
            $ref: '#/components/schemas/DecisionPath',
          },
          perYear: {
            type: 'array',
            items: {
              type: 'number',
            },
          },
          total: {
            type: 'number',
          },
          perUserPerMonth: {
            type: 'number',
          },
          assumptions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      Assessment: {
        type: 'object',
        description:
          'Fit, risk and cost as last computed; recomputed when the request, its candidates, its cost inputs or the configuration change.',
        required: [
          'version',
          'computedAt',
          'fit',
          'risk',
          'cost',
          'missingReviews',
        ],
        properties: {
          version: {
            type: 'integer',
          },
          computedAt: {
            type: 'string',
            format: 'date-time',
          },
          fit: {
            type: 'object',
            required: ['score', 'findings'],
            properties: {
              score: {
                type: 'integer',
                minimum: 0,
                maximum: 100,
              },
              findings: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Finding',
                },
              },
            },
          },
          risk: {
            type: 'object',
            required: ['tier', 'points', 'findings', 'mandatoryReviews'],
            properties: {
              tier: {
                type: 'string',
                enum: ['low', 'medium', 'high', 'critical'],
              },
              points: {
                type: 'number',
              },
              findings: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/Finding',
                },
              },
              mandatoryReviews: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          cost: {
            type: 'object',
            required: ['currency', 'horizonYears', 'users', 'paths'],
            properties: {
              currency: {
                type: 'string',
              },
              horizonYears: {
                type: 'integer',
              },
              users: {
                type: 'integer',
              },
              paths: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/PathCost',
                },
              },
              cheapest: {
                $ref: '#/components/schemas/DecisionPath',
              },
              reuseSavingOverBuy: {
                type: 'number',
              },
            },
          },
          missingReviews: {
            type: 'array',
            description:
              'Mandatory review areas without a review that counts (none yet, or only reviews of an earlier version); approve and reject wait for them (409).',
            items: {
              type: 'string',
            },
          },
          staleReviews: {
            type: 'array',
            description:
              'The missing areas that were reviewed on an earlier version, with who reviewed and which answers changed since. Absent when there are none.',
            items: {
              type: 'object',
              required: ['area', 'reviewers', 'changed'],
              properties: {
                area: {
                  type: 'string',
                },
                reviewers: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                changed: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/ReviewedAnswer',
                  },
                },
              },
            },
          },
        },
      },
      TechRequest: {
        type: 'object',
        required: [
          'id',
          'title',
          'need',
          'requestingGroup',
          'requester',
          'capabilities',
          'integrations',
          'namedReuseCandidates',
          'reuseSuggestions',
          'dataClassification',
          'handlesPersonalData',
          'hosting',
          'signIn',
          'dataLocation',
          'vendorCertifications',
          'vendorCandidates',
          'preferredPath',
          'status',
          'createdAt',
          'updatedAt',
          'version',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          need: {
            type: 'string',
          },
          requestingGroup: {
            type: 'string',
          },
          requester: {
            type: 'string',
          },
          businessSponsor: {
            type: 'string',
          },
          audience: {
            $ref: '#/components/schemas/Audience',
          },
          expectedUsers: {
            type: 'integer',
          },
          wantedBy: {
            type: 'string',
          },
          budgetRange: {
            $ref: '#/components/schemas/BudgetRange',
          },
          capabilities: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          integrations: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          namedReuseCandidates: {
            type: 'array',
            description:
              'What the requester named as possibly serving the need (see `reuseSuggestions` for what reviewers made of them).',
            items: {
              type: 'string',
            },
          },
          reuseCandidates: {
            type: 'array',
            deprecated: true,
            description:
              'The old name of `namedReuseCandidates`, given until the next version of the API.',
            items: {
              type: 'string',
            },
          },
          dataClassification: {
            type: 'string',
          },
          handlesPersonalData: {
            type: 'boolean',
          },
          hosting: {
            type: 'string',
          },
          signIn: {
            type: 'string',
          },
          dataLocation: {
            type: 'string',
          },
          vendorCertifications: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          costInputs: {
            $ref: '#/components/schemas/CostInputs',
          },
          assessment: {
            $ref: '#/components/schemas/Assessment',
          },
          vendorCandidates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/VendorCandidate',
            },
          },
          preferredPath: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RequestStatus',
          },
          decision: {
            $ref: '#/components/schemas/Decision',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          submittedAt: {
            type: 'string',
            format: 'date-time',
          },
          version: {
            type: 'integer',
          },
          entityName: {
            type: 'string',
            description:
              "The name of the request's TechnologyRequest entity in the catalog, fixed at first submission.",
          },
          reuseSuggestions: {
            type: 'array',
            description:
              "Entities that might serve the need and what reviewers made of them; the confirmed ones are the entity's hasReuseCandidate relations.",
            items: {
              $ref: '#/components/schemas/ReuseCandidate',
            },
          },
        },
      },
      TechRequestView: {
        allOf: [
          {
            $ref: '#/components/schemas/TechRequest',
          },
          {
            type: 'object',
            required: ['allowedActions', 'reviewableAreas'],
            properties: {
              reviewableAreas: {
                description:
                  'The review areas the signed-in user may review the request in now; empty when\nthey may not review it.\n',
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ReviewArea',
                },
              },
              allowedActions: {
                description:
                  'What the signed-in user may do with the request now.',
                type: 'array',
                items: {
                  type: 'string',
                  enum: [
                    'edit',
                    'delete',
                    'submit',
                    'withdraw',
                    'start-review',
                    'review',
                    'assess-reuse',
                    'adjust-costs',
                    'correct-answers',
                    'approve',
                    'reject',
                    'defer',
                    'start-delivery',
                    'complete',
                    'comment',
                  ],
                },
              },
            },
          },
        ],
      },
      ReviewArea: {
        type: 'string',
        enum: ['architecture', 'security', 'privacy', 'finance', 'portfolio'],
      },
      ReviewRouting: {
        type: 'object',
        required: ['areas', 'deciderGroups'],
        properties: {
          areas: {
            description:
              'Every review area, in this order, with the groups that give its reviews.',
            type: 'array',
            items: {
              type: 'object',
              required: ['area', 'groups'],
              properties: {
                area: {
                  $ref: '#/components/schemas/ReviewArea',
                },
                groups: {
                  description:
                    'Group entity refs; empty when the area is not routed and every reviewer and\ndecider may review it.\n',
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
          deciderGroups: {
            description:
              'Group entity refs of who decides; empty when every signed-in user may, except on\nrequests they filed.\n',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      RequestPage: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TechRequest',
            },
          },
          totalCount: {
            type: 'integer',
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      Review: {
        type: 'object',
        description:
          "A reviewer's verdict in one area. A review counts as its area's review while the answers the area depends on are what the reviewer saw (`changedSince` empty) and no later review of the same reviewer and area replaced it (`supersededBy` absent).",
        required: [
          'id',
          'requestId',
          'reviewer',
          'area',
          'verdict',
          'comment',
          'createdAt',
          'changedSince',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          requestId: {
            type: 'integer',
          },
          reviewer: {
            type: 'string',
          },
          area: {
            type: 'string',
          },
          verdict: {
            type: 'string',
          },
          comment: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          requestVersion: {
            type: 'integer',
            description:
              'The request version the reviewer saw. Absent on reviews kept before versions were.',
          },
          assessmentVersion: {
            type: 'integer',
            description:
              'The assessment version the reviewer saw, when the request had one.',
          },
          changedSince: {
            type: 'array',
            description:
              'The answers this area depends on that changed since the review, with what the reviewer saw and what they are now. Security depends on data classification, personal data, hosting, sign-in, data location, vendor certifications and vendors; privacy on data classification, personal data, hosting, data location and vendors; architecture on integrations, capabilities and hosting; finance on expected users, budget, vendor quotes and cost inputs; portfolio on the need, capabilities and preferred path.',
            items: {
              type: 'object',
              required: ['answer', 'before', 'after'],
              properties: {
                answer: {
                  $ref: '#/components/schemas/ReviewedAnswer',
                },
                before: {},
                after: {},
              },
            },
          },
          supersededBy: {
            type: 'integer',
            description:
              'The id of a later review by the same reviewer in the same area, which counts instead.',
          },
        },
      },
      ReviewedAnswer: {
        type: 'string',
        enum: [
          'dataClassification',
          'handlesPersonalData',
          'hosting',
          'signIn',
          'dataLocation',
          'vendorCertifications',
          'vendors',
          'integrations',
          'capabilities',
          'audience',
          'expectedUsers',
          'budgetRange',
          'vendorQuotes',
          'costInputs',
          'need',
          'preferredPath',
        ],
      },
      Comment: {
        type: 'object',
        required: ['id', 'requestId', 'author', 'body', 'createdAt'],
        properties: {
          id: {
            type: 'integer',
          },
          requestId: {
            type: 'integer',
          },
          author: {
            type: 'string',
          },
          body: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      HistoryEntry: {
        type: 'object',
        required: ['id', 'requestId', 'actor', 'action', 'at', 'changes'],
        properties: {
          id: {
            type: 'integer',
          },
          requestId: {
            type: 'integer',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          changes: {
            type: 'object',
            description: 'For each changed field, its value before and after.',
            additionalProperties: {
              type: 'object',
              properties: {
                before: {},
                after: {},
              },
            },
          },
          note: {
            type: 'string',
            description:
              'The rationale of a transition, or the text of a review or comment.',
          },
        },
      },
    },
  },
} as const;

/** A router that validates every request against the document and types its handlers by it. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
