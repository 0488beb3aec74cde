import { tokenize } from './text';

describe('tokenize', () => {
  it.each([
    [
      'We want customers to sign contracts online',
      ['customers', 'sign', 'contracts', 'online'],
    ],
    ['E-Signature & DocuSign!', ['signature', 'docusign']],
    ['Café résumé Größe', ['cafe', 'resume', 'große']],
    ['電子署名 サービス', ['電子署名', 'サービス']],
    ['🚀 launch 🚀', ['launch']],
    ['   ', []],
    ['a I x', []],
    ['version 2 of SAP S4', ['version', 'sap', 's4']],
  ])('%j → %j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});
