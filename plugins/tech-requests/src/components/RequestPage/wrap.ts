/** Long notes, reviews and comments wrap instead of running off narrow screens. */
export const WRAP = {
  style: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
} as const;
