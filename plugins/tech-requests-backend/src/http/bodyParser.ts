import express from 'express';

/** The largest JSON body the API reads; the longest request (a 20,000-character need) fits. */
export const MAX_BODY_SIZE = '100kb';

/**
 * Reads JSON bodies up to MAX_BODY_SIZE. A larger body answers 413 in Backstage's error shape
 * (the validated router would otherwise turn every body parser error into a 400); any other
 * parser error goes on to be answered as invalid input.
 */
export function jsonBodies(): express.RequestHandler[] {
  const tooLarge: express.ErrorRequestHandler = (error, req, res, next) => {
    if (error?.type !== 'entity.too.large') {
      next(error);
      return;
    }
    res.status(413).json({
      error: {
        name: 'PayloadTooLargeError',
        message: `The body is larger than ${MAX_BODY_SIZE}`,
      },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 413 },
    });
  };
  return [express.json({ limit: MAX_BODY_SIZE }), tooLarge as any];
}
