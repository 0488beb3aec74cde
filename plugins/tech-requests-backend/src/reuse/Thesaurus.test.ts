import { WordNetThesaurus } from './Thesaurus';

describe('WordNetThesaurus', () => {
  const thesaurus = WordNetThesaurus.load();

  it.each([
    ['sign', 'signature'],
    ['signature', 'sign'],
    ['meeting', 'meet'],
    ['car', 'automobile'],
    ['frankfurter', 'wiener'],
    ['e-mail', 'email'],
  ])('relates %j to %j', (word, related) => {
    expect(thesaurus.related(word)).toContain(related);
  });

  it.each(['xyzzyq', 'docusign', '', '   ', 's4', '電子署名', 'get_together'])(
    'knows nothing of %j',
    word => {
      expect(thesaurus.related(word)).toEqual([]);
    },
  );

  it.each(['sign', 'meeting', 'car', 'contract', 'chat', 'signature'])(
    'never answers %j with the word itself',
    word => {
      expect(thesaurus.related(word)).not.toContain(word);
    },
  );

  it('gives single words only, leaving out lemmas of several words', () => {
    // WordNet lists "group_meeting", "get_together" and "hot_dog" as synonyms here.
    expect(thesaurus.related('meeting')).toContain('meet');
    expect(
      thesaurus.related('meeting').filter(word => !/^[a-z]+$/.test(word)),
    ).toEqual([]);
    expect(thesaurus.related('frankfurter')).toContain('hotdog');
    expect(thesaurus.related('frankfurter')).not.toContain('hot_dog');
    expect(thesaurus.related('frankfurter')).not.toContain('hot dog');
    for (const word of ['sign', 'meeting', 'frankfurter', 'car', 'chat']) {
      expect(thesaurus.related(word)).toEqual(
        thesaurus.related(word).filter(w => /^[a-z]+$/.test(w)),
      );
    }
  });

  it('reads a word in any case', () => {
    expect(thesaurus.related('Sign')).toEqual(thesaurus.related('sign'));
    expect(thesaurus.related('MEETING')).toEqual(thesaurus.related('meeting'));
  });

  it('uses only the most common senses', () => {
    // "railcar" is the second sense of "car"; "sign" as an omen is far down the list.
    expect(thesaurus.related('car')).toContain('railcar');
    expect(
      WordNetThesaurus.load({ sensesPerPart: 1 }).related('car'),
    ).not.toContain('railcar');
    expect(thesaurus.related('sign')).not.toContain('augury');
    expect(
      WordNetThesaurus.load({ sensesPerPart: 20 }).related('sign'),
    ).toContain('augury');
  });
});
