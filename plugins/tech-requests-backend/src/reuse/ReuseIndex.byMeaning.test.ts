import { CapabilityByMeaning, ReuseIndex } from './ReuseIndex';
import { matchReasons } from './ranking';
import { Thesaurus } from './Thesaurus';
import { Vocabulary } from './Vocabulary';

const vocabulary = new Vocabulary([
  {
    id: 'apm',
    label: 'Application performance monitoring',
    phrases: ['website is slow'],
    terms: ['apm'],
    vendors: ['dynatrace'],
  },
  {
    id: 'e-signature',
    label: 'E-signature',
    phrases: ['sign contracts'],
    terms: [],
    vendors: ['docusign'],
  },
]);
const [apm, eSignature] = vocabulary.capabilities;
const noThesaurus: Thesaurus = { related: () => [] };

interface Item {
  id: string;
  title: string;
}

const CATALOG: Item[] = [
  { id: 'dynatrace', title: 'Dynatrace tenant' },
  { id: 'docusign', title: 'DocuSign account' },
  { id: 'wiki', title: 'Team wiki' },
];

/** A need that shares no word with the catalog, whose meaning is close to `close`. */
async function search(close: CapabilityByMeaning[], text = 'shop pages crawl') {
  const index = await ReuseIndex.build(
    CATALOG,
    item => ({ fields: { title: item.title } }),
    { vocabulary, thesaurus: noThesaurus },
  );
  return index.search(
    { text },
    {
      semantic: {
        evidence: new Float32Array(CATALOG.length),
        weight: 0.6,
        capabilities: close,
      },
    },
  );
}

describe('ReuseIndex with capabilities read from a need’s meaning', () => {
  it('finds the items that have the capability, the closer the higher', async () => {
    const near = await search([
      { capability: apm, phrase: 'website is slow', closeness: 0.8 },
    ]);
    const far = await search([
      { capability: apm, phrase: 'website is slow', closeness: 0.2 },
    ]);
    expect(near.map(match => match.item.id)).toEqual(['dynatrace']);
    expect(near[0].relevance).toBeGreaterThan(far[0].relevance);
  });

  it('says which phrase the need came close to, and what the item showed', async () => {
    const [match] = await search([
      { capability: apm, phrase: 'website is slow', closeness: 0.8 },
    ]);
    expect(match.capabilities).toEqual([
      {
        capability: apm,
        queryEvidence: 'website is slow',
        itemEvidence: 'dynatrace',
        byMeaning: true,
      },
    ]);
    expect(matchReasons(match)).toEqual([
      'Provides Application performance monitoring: the need is close in meaning to "website is slow", the entity says "dynatrace"',
    ]);
  });

  it('gives a capability the need names in words once, as named', async () => {
    const [match] = await search(
      [{ capability: eSignature, phrase: 'sign contracts', closeness: 0.9 }],
      'customers sign contracts',
    );
    expect(match.item.id).toBe('docusign');
    expect(match.capabilities).toEqual([
      {
        capability: eSignature,
        queryEvidence: 'sign contracts',
        itemEvidence: 'docusign',
      },
    ]);
  });

  it('leaves the next search as it found it', async () => {
    const build = () =>
      ReuseIndex.build(CATALOG, item => ({ fields: { title: item.title } }), {
        vocabulary,
        thesaurus: noThesaurus,
      });
    const used = await build();
    used.search(
      { text: 'shop pages crawl' },
      {
        semantic: {
          evidence: new Float32Array(CATALOG.length),
          weight: 0.6,
          capabilities: [
            { capability: apm, phrase: 'website is slow', closeness: 0.8 },
          ],
        },
      },
    );
    const fresh = await build();
    // "tenant" reaches the Dynatrace entity by a word: nothing of the need before may add.
    expect(used.search({ text: 'tenant' })).toEqual(
      fresh.search({ text: 'tenant' }),
    );
  });
});
