#!/usr/bin/env node
// Writes the backend's OpenAPI document as a TypeScript constant, so that the router is typed
// by it (createValidatedOpenApiRouter<typeof spec>) and no YAML is read at run time. This is
// the "router" output of `backstage-repo-tools package schema openapi generate --server`,
// whose other outputs need an openapi-generator JAR that this project cannot download.
//
//   npm run generate:openapi          rewrites the file
//   npm run generate:openapi -- --check   fails when the file is not up to date
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { parse } = require('yaml');

const schemaDir = path.resolve(
  __dirname,
  '../plugins/tech-requests-backend/src/schema',
);
const source = path.join(schemaDir, 'openapi.yaml');
const target = path.join(schemaDir, 'openapi.generated.ts');

const spec = parse(fs.readFileSync(source, 'utf8'));
const text = `// Generated from openapi.yaml by \`npm run generate:openapi\`; do not edit.
/* eslint-disable */
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of the Tech Requests API. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** A router that validates every request against the document and types its handlers by it. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
const formatted = execFileSync(
  process.execPath,
  [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', target],
  { input: text, encoding: 'utf8' },
);

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== formatted) {
    console.error(
      `${path.relative(process.cwd(), target)} is not up to date with openapi.yaml: run npm run generate:openapi`,
    );
    process.exit(1);
  }
  console.log('openapi.generated.ts is up to date');
} else {
  fs.writeFileSync(target, formatted);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}
