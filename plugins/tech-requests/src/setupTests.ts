import '@testing-library/jest-dom';

// jsdom cannot parse the `@layer` rules of Backstage UI's stylesheets and reports each
// one as a console error; that noise would hide the output that matters.
const originalConsoleError = console.error;
console.error = (...args: unknown[]) => {
  const [first] = args;
  if ((first as Error | undefined)?.message === 'Could not parse CSS stylesheet') {
    return;
  }
  originalConsoleError(...args);
};
