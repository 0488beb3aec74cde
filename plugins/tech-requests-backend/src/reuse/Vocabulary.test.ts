import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  Capability,
  loadCapabilities,
  loadCapabilityFolder,
  mergeCapabilities,
  normalizeCapability,
  Vocabulary,
  vocabularyStems,
} from './Vocabulary';
import { isTelling, words } from './text';

const E_SIGNATURE: Capability = {
  id: 'e-signature',
  label: 'E-signature',
  phrases: ['sign contracts', 'sign documents online'],
  terms: ['envelope', 'signing ceremony'],
  vendors: ['DocuSign', 'adobe sign'],
};
const SINGLE_SIGN_ON: Capability = {
  id: 'single-sign-on',
  label: 'Single sign-on',
  phrases: ['sign in', 'log in once'],
  terms: ['saml'],
  vendors: ['okta'],
};
const SHIPPING: Capability = {
  id: 'shipping',
  label: 'Parcel shipping',
  phrases: ['ship parcels'],
  terms: ['shipping label'],
  vendors: ['UPS', 'rocket.chat'],
};
const CAPABILITIES = [E_SIGNATURE, SINGLE_SIGN_ON, SHIPPING];

const vocabulary = new Vocabulary(CAPABILITIES);
const found = (text: string) =>
  vocabulary
    .find(text)
    .map(match => match.capability.id)
    .sort();

describe('Vocabulary.find', () => {
  it.each([
    ['We must sign contracts', ['e-signature']],
    ['contracts signed by customers', ['e-signature']],
    ['signing of contracts', ['e-signature']],
    ['sign their contracts', ['e-signature']],
    ['sign the new contract', ['e-signature']],
    ['online, documents get signed', ['e-signature']],
    ['sign all of the new contracts', []],
    ['contracts are kept until someone decides to sign', []],
  ])(
    'finds a phrase in any order within a short window: %j → %j',
    (text, expected) => {
      expect(found(text)).toEqual(expected);
    },
  );

  it.each([
    ['Please sign in with your badge', ['single-sign-on']],
    ['signing in takes too long', ['single-sign-on']],
    ['sign the contract', ['e-signature']],
    ['in the contracts they sign', ['e-signature']],
    ['in order to sign', []],
    ['sign, then in a week', []],
  ])(
    'matches a phrase of one telling word and small words only as written: %j → %j',
    (text, expected) => {
      expect(found(text)).toEqual(expected);
    },
  );

  it.each([
    ['Send it with UPS', ['shipping']],
    ['ups and downs of the market', ['shipping']],
    ['prices went up', []],
    ['upping the game', []],
    ['an envelope from DocuSign', ['e-signature']],
    ['docusigned already', []],
    ['we use Adobe Sign', ['e-signature']],
    ['sign with adobe', []],
    ['adobe signing', []],
    ['chat on Rocket.Chat', ['shipping']],
    ['a rocket to chat', []],
  ])('matches vendors as written, unstemmed: %j → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['DocuSign', 'DocuSign', 1],
    ['okta login', 'okta', 1],
    ['an e-signature', 'E-signature', 1],
    ['the signing ceremony', 'signing ceremony', 1],
    ['put it in an envelope', 'envelope', 0.5],
    ['saml', 'saml', 0.5],
  ])('rates %j by its evidence %j at %p', (text, evidence, strength) => {
    expect(vocabulary.find(text)).toEqual([
      expect.objectContaining({ evidence, strength }),
    ]);
  });

  it.each(['envelopes via DocuSign', 'DocuSign envelopes'])(
    'keeps the surest evidence of a capability, found once: %j',
    text => {
      expect(vocabulary.find(text)).toEqual([
        { capability: E_SIGNATURE, evidence: 'DocuSign', strength: 1 },
      ]);
    },
  );

  describe('with a capability known by a single word', () => {
    const signing = new Vocabulary([
      { ...E_SIGNATURE, terms: ['signing'] },
      SINGLE_SIGN_ON,
    ]);

    it('reads a word of an exact phrase as that phrase only: the "sign" of "sign in"', () => {
      expect(
        signing.find('sign in with a fingerprint').map(m => m.capability.id),
      ).toEqual(['single-sign-on']);
      expect(
        signing
          .find('sign in, then sign the form')
          .map(m => m.capability.id)
          .sort(),
      ).toEqual(['e-signature', 'single-sign-on']);
    });

    it('quotes the word as the text writes it, not as the vocabulary does', () => {
      expect(signing.find('Customers must sign here')).toEqual([
        { capability: expect.anything(), evidence: 'sign', strength: 0.5 },
      ]);
    });
  });

  it('finds several capabilities in one text', () => {
    expect(
      found('Sign in, then sign contracts and ship parcels by UPS'),
    ).toEqual(['e-signature', 'shipping', 'single-sign-on']);
  });

  it('reads no capability from numbers and everyday words alone', () => {
    const reviews = new Vocabulary([
      {
        id: 'performance-reviews',
        label: 'Performance reviews',
        phrases: ['one to ones', 'one to one meetings', 'see how people do'],
        terms: [],
        vendors: [],
      },
    ]);
    const ids = (text: string) =>
      reviews.find(text).map(match => match.capability.id);
    expect(ids('Customers want to book one of our advisors')).toEqual([]);
    expect(ids('Customers should see one advisor, one to one')).toEqual([]);
    expect(ids('Managers hold one to one meetings every month')).toEqual([
      'performance-reviews',
    ]);
  });

  it('finds nothing in text of no capability', () => {
    expect(vocabulary.find('payroll for seasonal workers')).toEqual([]);
    expect(vocabulary.find('')).toEqual([]);
  });

  it('gives findInStems the same answer as find', () => {
    const text = 'customers sign contracts with DocuSign';
    expect(vocabulary.findInStems(vocabularyStems(text))).toEqual(
      vocabulary.find(text),
    );
  });
});

describe('Vocabulary.resolve', () => {
  it.each([
    ['e-signature', 'e-signature', 'e-signature'],
    ['  E-Signature ', 'e-signature', 'E-Signature'],
    ['single sign-on', 'single-sign-on', 'single sign-on'],
    ['SHIPPING', 'shipping', 'SHIPPING'],
  ])('knows %j by id or label', (name, id, evidence) => {
    expect(vocabulary.resolve([name])).toEqual([
      {
        capability: CAPABILITIES.find(c => c.id === id),
        evidence,
        strength: 1,
      },
    ]);
  });

  it.each([
    ['sign contracts', 'e-signature'],
    ['sign documents online', 'e-signature'],
    ['log in once', 'single-sign-on'],
    ['We want to ship parcels abroad', 'shipping'],
  ])('reads the phrase or free text %j as text', (name, id) => {
    expect(vocabulary.resolve([name])).toEqual([
      expect.objectContaining({
        capability: expect.objectContaining({ id }),
        strength: 1,
      }),
    ]);
  });

  it('gives nothing for an unknown name, and each capability once', () => {
    expect(vocabulary.resolve(['payroll', ''])).toEqual([]);
    expect(
      vocabulary
        .resolve(['e-signature', 'E-signature', 'sign contracts', 'saml'])
        .map(match => [match.capability.id, match.evidence]),
    ).toEqual([
      ['e-signature', 'e-signature'],
      ['single-sign-on', 'saml'],
    ]);
  });
});

describe('Vocabulary.withDefaults', () => {
  it('ships words that tell capabilities apart', () => {
    const { capabilities } = Vocabulary.withDefaults();
    const users = new Map<string, Set<string>>();
    for (const capability of capabilities) {
      for (const text of [
        ...capability.phrases,
        ...capability.terms,
        ...capability.vendors,
      ]) {
        const key = text.toLowerCase();
        users.set(key, (users.get(key) ?? new Set()).add(capability.id));
      }
    }
    const widelyUsed = [...users]
      .filter(([, ids]) => ids.size > 2)
      .map(([text, ids]) => `${text}: ${[...ids].join(', ')}`);
    expect(widelyUsed).toEqual([]);
    const saysNothing = capabilities.flatMap(capability =>
      [...capability.phrases, ...capability.terms]
        .filter(text => !words(text).some(isTelling))
        .map(text => `${capability.id}: ${text}`),
    );
    expect(saysNothing).toEqual([]);
  });

  it('finds capabilities of the shipped vocabulary', () => {
    const defaults = Vocabulary.withDefaults();
    expect(defaults.capabilities.length).toBeGreaterThan(50);
    expect(
      defaults
        .find('customers sign contracts online')
        .map(m => m.capability.id),
    ).toContain('e-signature');
    expect(defaults.find('DocuSign envelope wrapper')).toContainEqual(
      expect.objectContaining({
        capability: expect.objectContaining({ id: 'e-signature' }),
        strength: 1,
      }),
    );
    expect(defaults.resolve(['e-signature'])[0].capability.label).toBe(
      'E-signature',
    );
  });

  it('takes extra capabilities, extending shipped ids', () => {
    const defaults = Vocabulary.withDefaults([
      normalizeCapability({ id: 'e-signature', vendors: ['inkwell'] }, 'test'),
      normalizeCapability(
        { id: 'tea-brewing', label: 'Tea', phrases: ['brew tea'] },
        'test',
      ),
    ]);
    expect(defaults.find('Inkwell').map(m => m.capability.id)).toEqual([
      'e-signature',
    ]);
    expect(defaults.resolve(['e-signature'])[0].capability.label).toBe(
      'E-signature',
    );
    expect(defaults.find('brewing tea').map(m => m.capability.id)).toEqual([
      'tea-brewing',
    ]);
  });
});

describe('mergeCapabilities', () => {
  const shipped = [E_SIGNATURE, SHIPPING];

  it('adds the words of an extra with a shipped id, keeping the label when it gives none', () => {
    const extra = normalizeCapability(
      { id: 'e-signature', phrases: ['ink a deal'], vendors: ['inkwell'] },
      'app-config',
    );
    expect(mergeCapabilities(shipped, [extra])).toEqual([
      {
        ...E_SIGNATURE,
        phrases: [...E_SIGNATURE.phrases, 'ink a deal'],
        vendors: [...E_SIGNATURE.vendors, 'inkwell'],
      },
      SHIPPING,
    ]);
  });

  it('takes the label an extra gives', () => {
    const extra = normalizeCapability(
      { id: 'e-signature', label: 'Electronic signature' },
      'app-config',
    );
    expect(mergeCapabilities(shipped, [extra])[0]).toEqual({
      ...E_SIGNATURE,
      label: 'Electronic signature',
    });
  });

  it('adds capabilities of new ids after the shipped ones', () => {
    const extra = normalizeCapability(
      { id: 'tea-brewing', phrases: ['brew tea'] },
      'app-config',
    );
    expect(mergeCapabilities(shipped, [extra])).toEqual([
      E_SIGNATURE,
      SHIPPING,
      {
        id: 'tea-brewing',
        label: 'tea-brewing',
        phrases: ['brew tea'],
        terms: [],
        vendors: [],
      },
    ]);
  });

  it('leaves the shipped capabilities unchanged', () => {
    const before = JSON.stringify(shipped);
    mergeCapabilities(shipped, [
      { ...E_SIGNATURE, phrases: ['more'], terms: ['more'], vendors: ['more'] },
    ]);
    expect(JSON.stringify(shipped)).toBe(before);
  });

  // Fails today: normalizeCapability trims the id but not the label it defaults to, so an
  // id written with spaces in config reads as a label given, and replaces the shipped label.
  it('keeps the shipped label for an id written with spaces', () => {
    const extra = normalizeCapability({ id: ' e-signature ' }, 'app-config');
    expect(mergeCapabilities(shipped, [extra])[0].label).toBe('E-signature');
  });
});

describe('normalizeCapability', () => {
  it('fills absent lists and the label', () => {
    expect(
      normalizeCapability(
        { id: ' chat ', phrases: ['talk', 3], terms: 'not a list' },
        'file.yaml',
      ),
    ).toEqual({
      id: 'chat',
      label: 'chat',
      phrases: ['talk', '3'],
      terms: [],
      vendors: [],
    });
  });

  it.each([
    [{ label: 'Chat' }],
    [{ id: '   ' }],
    [{ id: 42 }],
    [null],
    ['chat'],
  ])('rejects %j, which has no id', item => {
    expect(() => normalizeCapability(item, 'file.yaml')).toThrow(
      'Every capability in file.yaml needs an id',
    );
  });
});

describe('loadCapabilities', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'capabilities-'));
  });
  afterAll(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads a YAML list of capabilities', () => {
    const file = write(
      'list.yaml',
      '- id: chat\n  label: Team chat\n  vendors: [slack]\n- id: tea\n',
    );
    expect(loadCapabilities(file)).toEqual([
      {
        id: 'chat',
        label: 'Team chat',
        phrases: [],
        terms: [],
        vendors: ['slack'],
      },
      { id: 'tea', label: 'tea', phrases: [], terms: [], vendors: [] },
    ]);
  });

  it.each([
    ['map.yaml', 'id: chat\n', 'must hold a list of capabilities'],
    ['noid.yaml', '- label: Chat\n', 'needs an id'],
  ])('rejects %s', (name, text, message) => {
    expect(() => loadCapabilities(write(name, text))).toThrow(message);
  });
});

describe('loadCapabilityFolder', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'vocabulary-'));
    fs.writeFileSync(
      path.join(directory, 'capabilities.yaml'),
      '- id: chat\n  label: Team chat\n  vendors: [slack]\n',
    );
    fs.writeFileSync(
      path.join(directory, 'b-more.yaml'),
      '- id: chat\n  terms: [chatops]\n- id: wiki\n  label: Wiki\n',
    );
    fs.writeFileSync(
      path.join(directory, 'a-first.yaml'),
      '- id: chat\n  vendors: [mattermost]\n',
    );
    fs.writeFileSync(path.join(directory, 'notes.txt'), 'not a vocabulary');
  });
  afterAll(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('reads capabilities.yaml, then the other YAML files by name, merging one id', () => {
    expect(loadCapabilityFolder(directory)).toEqual([
      {
        id: 'chat',
        label: 'Team chat',
        phrases: [],
        terms: ['chatops'],
        vendors: ['slack', 'mattermost'],
      },
      { id: 'wiki', label: 'Wiki', phrases: [], terms: [], vendors: [] },
    ]);
  });
});
