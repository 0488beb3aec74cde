import { DEFAULT_REQUEST_DETAILS, RequestDetails } from './model';
import {
  answersChangedSince,
  answersReviewed,
  REVIEWED_ANSWERS,
} from './reviewedAnswers';

const request = (overrides: Partial<RequestDetails> = {}): RequestDetails => ({
  ...DEFAULT_REQUEST_DETAILS,
  title: 'Contract signing',
  need: 'Clients sign engagement letters online.',
  requestingGroup: 'group:default/legal',
  ...overrides,
});

describe('answers a review depends on', () => {
  it('keeps, for each area, exactly the answers it depends on', () => {
    for (const [area, answers] of Object.entries(REVIEWED_ANSWERS)) {
      expect(
        Object.keys(
          answersReviewed(area as keyof typeof REVIEWED_ANSWERS, request()),
        ),
      ).toEqual(answers);
    }
  });

  it('names each changed answer with what the reviewer saw and what it is now', () => {
    const seen = answersReviewed(
      'security',
      request({ hosting: 'on-premises' }),
    );
    expect(
      answersChangedSince(
        'security',
        seen,
        request({ hosting: 'vendor-cloud', title: 'Another title' }),
      ),
    ).toEqual([
      { answer: 'hosting', before: 'on-premises', after: 'vendor-cloud' },
    ]);
  });

  it('sees no change in the order of lists, the case of vendor names or the order of keys', () => {
    const seen = answersReviewed(
      'security',
      request({
        vendorCertifications: ['iso27001', 'soc2'],
        vendorCandidates: [{ name: 'DocuSign' }, { name: 'Adobe Sign' }],
      }),
    );
    const now = request({
      vendorCertifications: ['soc2', 'iso27001'],
      vendorCandidates: [{ name: 'adobe sign ' }, { name: 'docusign' }],
    });
    expect(answersChangedSince('security', seen, now)).toEqual([]);
    const budget = answersReviewed(
      'finance',
      request({ budgetRange: { min: 1, max: 2, currency: 'EUR' } }),
    );
    expect(
      answersChangedSince(
        'finance',
        budget,
        request({ budgetRange: { currency: 'EUR', max: 2, min: 1 } }),
      ),
    ).toEqual([]);
  });

  it('lets a new quote change the finance review and not the security one', () => {
    const before = request({ vendorCandidates: [{ name: 'DocuSign' }] });
    const after = request({
      vendorCandidates: [
        {
          name: 'DocuSign',
          quotedCost: {
            amount: 10,
            currency: 'EUR',
            period: 'per-user-monthly',
          },
        },
      ],
    });
    expect(
      answersChangedSince(
        'security',
        answersReviewed('security', before),
        after,
      ),
    ).toEqual([]);
    expect(
      answersChangedSince(
        'finance',
        answersReviewed('finance', before),
        after,
      ).map(change => change.answer),
    ).toEqual(['vendorQuotes']);
  });

  it('ignores answers the reviewer was not shown, such as ones an area gained later', () => {
    expect(
      answersChangedSince(
        'architecture',
        {},
        request({ hosting: 'vendor-cloud' }),
      ),
    ).toEqual([]);
  });
});
