import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what would break a field, and leaves the rest as it is', () => {
    expect(
      toCsv(
        ['Department', 'Requests'],
        [
          ['legal', 3],
          ['sales, north', 2],
          ['the "new" team', undefined],
        ],
      ),
    ).toBe(
      'Department,Requests\r\nlegal,3\r\n"sales, north",2\r\n"the ""new"" team",\r\n',
    );
  });

  it('keeps spreadsheets from running a cell as a formula, but not negative numbers', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', -1200]])).toBe(
      `a,b\r\n"'=HYPERLINK(""x"")",-1200\r\n`,
    );
  });
});
