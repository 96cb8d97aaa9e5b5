import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';
import { isSameOriginImage } from './markdown-urls';

/**
 * Markdown written by anyone who may upload to a space, shown to everyone else in it: what it turns into is treated
 * as hostile (links to `javascript:`, images from elsewhere…) and sanitised by DOMPurify before it reaches the page.
 * Loaded only when a Markdown file is previewed (markdown-preview.tsx imports it dynamically).
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]);

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // HTML written in the file is shown as text, never parsed: the reader sees what the author wrote, and not even
    // DOMPurify's inert parse meets an inline handler or style (Chrome reports those to the CSP as violations).
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text)),
  },
});

// An instance of our own: hooks added to DOMPurify's default one would apply to any other user of it.
const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    // A new tab that cannot reach back to this page (window.opener) nor learn where the reader came from.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG' && !isSameOriginImage(node.getAttribute('src') ?? '', window.location)) {
    // Its description stays, as text, in place of the picture.
    node.replaceWith(node.ownerDocument.createTextNode(node.getAttribute('alt') ?? ''));
  }
});

const sanitizeOptions: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  // Forms could imitate the app's own; media and style sheets would load from elsewhere or be refused by the CSP
  // (which allows no inline style either); classes would borrow the app's own look to the same end as forms.
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'option',
    'textarea',
    'audio',
    'video',
    'source',
    'track',
  ],
  FORBID_ATTR: ['style', 'class', 'srcset'],
  // A DOM fragment, not a string: nothing is serialised then parsed again, which is where mutation XSS hides.
  RETURN_DOM_FRAGMENT: true,
};

/** Markdown (GitHub flavour) turned into a sanitised DOM fragment, ready to be inserted in the page. */
export function renderMarkdown(source: string): DocumentFragment {
  const html = marked.parse(source) as string;
  return purify.sanitize(html, sanitizeOptions);
}
