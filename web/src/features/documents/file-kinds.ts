import type { IconName } from '../../ui/icons';

export type FileKind =
  | 'pdf'
  | 'image'
  | 'audio'
  | 'video'
  | 'text'
  | 'document'
  | 'spreadsheet'
  | 'presentation'
  | 'archive'
  | 'other';

/** The server decides a document's type from its name; this only groups types for icons and previews. */
export function fileKind(mimeType: string): FileKind {
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('text/') || mimeType === 'application/json') return 'text';
  if (/spreadsheet|ms-excel/.test(mimeType)) return 'spreadsheet';
  if (/presentation|powerpoint/.test(mimeType)) return 'presentation';
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(mimeType)) return 'document';
  if (/zip|compressed|x-tar|gzip/.test(mimeType)) return 'archive';
  return 'other';
}

export const fileKindStyle: Record<FileKind | 'folder', { icon: IconName; color: string }> = {
  folder: { icon: 'folder', color: 'yellow.7' },
  pdf: { icon: 'fileText', color: 'red.7' },
  image: { icon: 'photo', color: 'grape.6' },
  audio: { icon: 'music', color: 'pink.6' },
  video: { icon: 'video', color: 'violet.6' },
  text: { icon: 'fileText', color: 'gray.7' },
  document: { icon: 'fileText', color: 'blue.7' },
  spreadsheet: { icon: 'table', color: 'teal.7' },
  presentation: { icon: 'presentation', color: 'orange.7' },
  archive: { icon: 'fileZip', color: 'gray.7' },
  other: { icon: 'file', color: 'gray.6' },
};

export type PreviewKind = 'image' | 'pdf' | 'markdown' | 'text' | 'audio' | 'video' | 'none';

// The types the server agrees to send inline (documents.models.ts). Text is fetched and shown as text; Markdown is
// turned into HTML by the web app itself, sanitised, never by the browser from the file.
const inlineImages = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const inlineAudio = new Set(['audio/mpeg', 'audio/wav', 'audio/ogg', 'audio/mp4']);
const inlineVideo = new Set(['video/mp4', 'video/webm', 'video/quicktime']);
const plainText = new Set(['text/plain', 'text/csv', 'application/json']);

export function previewKind(mimeType: string): PreviewKind {
  if (mimeType === 'application/pdf') return 'pdf';
  if (inlineImages.has(mimeType)) return 'image';
  if (inlineAudio.has(mimeType)) return 'audio';
  if (inlineVideo.has(mimeType)) return 'video';
  if (mimeType === 'text/markdown') return 'markdown';
  if (plainText.has(mimeType)) return 'text';
  return 'none';
}

// What the server makes thumbnails of (thumbnails.render.ts on the server).
const withThumbnail = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/tiff',
]);

/** Whether a document of this type may have a thumbnail to show instead of its icon. */
export const mayHaveThumbnail = (mimeType: string) => withThumbnail.has(mimeType);
