/**
 * The address an image in a request's text may load from: the portal's own origin only. An
 * image from elsewhere would tell its host who read the request and when (a tracking pixel),
 * so it is dropped and only its alt text shows.
 */
export function sameOriginImageUri(href: string): string {
  try {
    const url = new URL(href, window.location.origin);
    return url.origin === window.location.origin ? href : '';
  } catch {
    return '';
  }
}
