import '@testing-library/jest-dom';

// jsdom cannot parse the `@layer` rules of Backstage UI's stylesheets and reports each
// one as a console error; that noise would hide the output that matters.
/* eslint-disable no-console */
const originalConsoleError = console.error;
console.error = (...args: unknown[]) => {
  const [first] = args;
  if (
    (first as Error | undefined)?.message === 'Could not parse CSS stylesheet'
  ) {
    return;
  }
  originalConsoleError(...args);
};
/* eslint-enable no-console */

// The pages are whole MUI screens; in jsdom a user journey through them takes seconds,
// more on a busy machine, so the default 5 s would make slow runs fail at random.
jest.setTimeout(30_000);
