import { describe, expect, it } from 'vitest';
import { isSameOriginImage } from './markdown-urls';

const page = { origin: 'https://extranet.example', href: 'https://extranet.example/spaces/1?folder=2' };

describe('images of a Markdown preview', () => {
  it('load from the extranet itself, whether the address is absolute, rooted or relative', () => {
    expect(isSameOriginImage('https://extranet.example/api/v1/documents/1/thumbnail', page)).toBe(true);
    expect(isSameOriginImage('/api/v1/documents/1/content?inline=1', page)).toBe(true);
    expect(isSameOriginImage('diagram.png', page)).toBe(true);
  });

  it('never load from another site, another port, a data or script address, or a protocol-relative one', () => {
    for (const src of [
      'https://tracker.example/pixel.gif',
      'http://extranet.example/plain-http.png',
      'https://extranet.example:8443/other-port.png',
      '//tracker.example/pixel.gif',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
      'blob:https://extranet.example/0b7c',
      'http://[::1',
    ]) {
      expect(isSameOriginImage(src, page), src).toBe(false);
    }
  });
});
