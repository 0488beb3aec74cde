import { Bm25Index, IndexedDocument } from './Bm25Index';

const documents: IndexedDocument[] = [
  {
    id: 'esign',
    fields: {
      title: 'E-signature gateway',
      description:
        'Send contracts and letters for signature and track who has signed.',
    },
  },
  {
    id: 'crm',
    fields: {
      title: 'Customer relationship management',
      description:
        'Accounts, contacts, opportunities and contracts of our customers.',
    },
  },
  {
    id: 'zoom',
    fields: { title: 'Zoom', description: 'Video meetings and webinars.' },
  },
];

describe('Bm25Index', () => {
  const index = new Bm25Index(documents);

  it('ranks documents by the words they share with the query, best first', () => {
    const matches = index.search('sign contracts signature', 10);
    expect(matches.map(m => m.id)).toEqual(['esign', 'crm']);
    expect(matches[0].matchedTerms.sort()).toEqual(['contracts', 'signature']);
    expect(matches[0].score).toBeGreaterThan(matches[1].score);
  });

  it('weighs a rare word more than a common one', () => {
    const [rare] = index.search('webinars', 1);
    const [common] = index.search('contracts', 1);
    expect(rare.id).toBe('zoom');
    expect(rare.score).toBeGreaterThan(common.score);
  });

  it('leaves out documents that share no word, and answers nothing to an empty query', () => {
    expect(index.search('payroll', 10)).toEqual([]);
    expect(index.search('   ', 10)).toEqual([]);
    expect(index.search('contracts', 0)).toEqual([]);
  });

  it('counts a word in a heavier field as weighing more', () => {
    const docs: IndexedDocument[] = [
      {
        id: 'in-title',
        fields: { title: 'surveys', description: 'forms and polls' },
      },
      {
        id: 'in-description',
        fields: { title: 'forms', description: 'surveys and polls' },
      },
    ];
    expect(new Bm25Index(docs).search('surveys', 2)[0].score).toBeCloseTo(
      new Bm25Index(docs).search('surveys', 2)[1].score,
    );
    const weighted = new Bm25Index(docs, { fieldWeights: { title: 3 } });
    expect(weighted.search('surveys', 2).map(m => m.id)).toEqual([
      'in-title',
      'in-description',
    ]);
  });

  it('matches the BM25 formula on a hand-computed case', () => {
    // Two documents of equal length (2 terms): idf = ln(1 + (2 - 1 + 0.5) / (1 + 0.5)) = ln 2,
    // tf = 1, norm = k1 = 1.2, score = ln 2 * 1 * 2.2 / (1 + 1.2) = ln 2.
    const small = new Bm25Index([
      { id: 'a', fields: { text: 'alpha beta' } },
      { id: 'b', fields: { text: 'gamma delta' } },
    ]);
    expect(small.search('alpha', 5)).toEqual([
      {
        id: 'a',
        score: expect.closeTo(Math.log(2), 10),
        matchedTerms: ['alpha'],
      },
    ]);
    expect(small.size).toBe(2);
  });
});
