/**
 * Whether a Markdown image may be loaded: only from the page's own origin. An image elsewhere would tell its
 * server who read the document and when (a tracking pixel), and the CSP would refuse it anyway. Relative paths
 * resolve against the page, as the browser would resolve them.
 */
export function isSameOriginImage(src: string, page: { origin: string; href: string }): boolean {
  try {
    const url = new URL(src, page.href);
    return url.origin === page.origin && (url.protocol === 'https:' || url.protocol === 'http:');
  } catch {
    return false;
  }
}
