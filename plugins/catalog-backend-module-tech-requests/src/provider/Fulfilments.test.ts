import { Entity } from '@backstage/catalog-model';
import { fulfilmentsAmong } from './Fulfilments';

const entity = (
  kind: string,
  name: string,
  requestId?: string,
  apiVersion = 'backstage.io/v1alpha1',
): Entity => ({
  apiVersion,
  kind,
  metadata: {
    name,
    namespace: 'default',
    ...(requestId !== undefined && {
      annotations: { 'tech-requests.io/request-id': requestId },
    }),
  },
});

describe('fulfilmentsAmong', () => {
  it('maps each request id to the entity that says it fulfils it', () => {
    expect(
      fulfilmentsAmong([
        entity('Component', 'booking-service', '7'),
        entity('Resource', 'calendly-subscription', ' 9 '),
      ]),
    ).toEqual(
      new Map([
        [7, 'component:default/booking-service'],
        [9, 'resource:default/calendly-subscription'],
      ]),
    );
  });

  it("ignores the request's own entity, and ids that are not ids", () => {
    expect(
      fulfilmentsAmong([
        entity(
          'TechnologyRequest',
          'tr-7-booking',
          '7',
          'tech-requests.io/v1alpha1',
        ),
        entity('Component', 'a', 'seven'),
        entity('Component', 'b', '7.5'),
        entity('Component', 'c', ''),
        entity('Component', 'd'),
      ]),
    ).toEqual(new Map());
  });

  it('takes the first entity by ref when several name one request, whatever order they come in', () => {
    const two = [
      entity('Component', 'z-service', '7'),
      entity('Component', 'a-service', '7'),
    ];
    expect(fulfilmentsAmong(two).get(7)).toBe('component:default/a-service');
    expect(fulfilmentsAmong([...two].reverse()).get(7)).toBe(
      'component:default/a-service',
    );
  });
});
