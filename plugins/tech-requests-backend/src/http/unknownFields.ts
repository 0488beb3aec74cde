/**
 * The OpenAPI validator reports an unknown body field only as "must NOT have additional
 * properties", without its name. These helpers find the names, so a 400 can say which
 * field the API does not know.
 */

import { InputError } from '@backstage/errors';
import express from 'express';

type Schema = Record<string, any>;

function resolve(spec: Schema, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  while (current?.$ref) {
    // Only local references (#/components/...) occur in this plugin's spec.
    current = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Schema | undefined, key: string) => node?.[key], spec);
  }
  return current;
}

/** The JSON body schema of the operation that serves `method` on `path`, if any. */
export function bodySchemaFor(
  spec: Schema,
  method: string,
  path: string,
): Schema | undefined {
  for (const [template, operations] of Object.entries<Schema>(
    spec.paths ?? {},
  )) {
    const pattern = new RegExp(
      `^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`,
    );
    if (pattern.test(path)) {
      return operations[method.toLowerCase()]?.requestBody?.content?.[
        'application/json'
      ]?.schema;
    }
  }
  return undefined;
}

/** Paths (`a.b[0].c`) of the fields in `value` that `schema` does not allow. */
export function unknownFields(
  spec: Schema,
  schema: Schema | undefined,
  value: unknown,
  at = '',
): string[] {
  const resolved = resolve(spec, schema);
  if (!resolved || value === null || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      unknownFields(spec, resolved.items, item, `${at}[${index}]`),
    );
  }
  const properties: Schema = resolved.properties ?? {};
  return Object.entries(value).flatMap(([key, item]) => {
    const path = at ? `${at}.${key}` : key;
    if (Object.hasOwn(properties, key)) {
      return unknownFields(spec, properties[key], item, path);
    }
    return resolved.additionalProperties === false ? [path] : [];
  });
}

/** Rewrites the validator's anonymous "additional properties" errors to name the fields. */
export function nameUnknownFields(spec: any): express.ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (
      error instanceof InputError &&
      /must NOT have additional properties/.test(error.message)
    ) {
      const unknown = unknownFields(
        spec,
        bodySchemaFor(spec, req.method, req.path),
        req.body,
      );
      if (unknown.length) {
        const others = error.message
          .split(', ')
          .filter(part => !/must NOT have additional properties/.test(part));
        next(
          Object.assign(
            new InputError(
              [
                `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
                ...others,
              ].join('; '),
            ),
            { fields: unknown },
          ),
        );
        return;
      }
    }
    next(error);
  };
}
