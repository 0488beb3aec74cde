import { buildTemplatePath, buildTemplateValues } from './delivery';
import { aTechRequest } from './testUtils';

describe('starting an approved build from a template', () => {
  const request = aTechRequest({
    id: 31,
    title: 'Booking page for the legal clinic',
    need: 'Clients should book a first consultation without calling us.',
  });

  it('gives the template the name, owner, description and id of the request', () => {
    expect(buildTemplateValues(request)).toEqual({
      name: 'booking-page-for-the-legal-clinic',
      owner: 'group:default/legal',
      description:
        'Clients should book a first consultation without calling us.',
      requestId: '31',
    });
    expect(buildTemplateValues({ ...request, title: '予約' }).name).toBe(
      'tr-31',
    );
  });

  it("links to the template's page in the scaffolder with those values", () => {
    const path = buildTemplatePath('template:platform/new-website', request);
    const [address, query] = path.split('?');
    expect(address).toBe('/create/templates/platform/new-website');
    expect(JSON.parse(new URLSearchParams(query).get('formData')!)).toEqual(
      buildTemplateValues(request),
    );
    expect(buildTemplatePath('new-website', request)).toMatch(
      /^\/create\/templates\/default\/new-website\?/,
    );
  });
});
