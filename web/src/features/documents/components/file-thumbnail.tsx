import { useEffect, useState } from 'react';
import { Icon } from '../../../ui/icons';
import { type DocumentItem, thumbnailUrl } from '../documents.api';
import classes from '../documents.module.css';
import { fileKind, fileKindStyle, mayHaveThumbnail } from '../file-kinds';

/** The server makes a thumbnail a moment after an upload: a version this recent is asked for again, a few times. */
const RETRY_DELAYS_MS = [2_000, 5_000, 15_000];
const RECENT_MS = 5 * 60_000;

export function KindIcon({ kind, size = 22 }: { kind: keyof typeof fileKindStyle; size?: number }) {
  const style = fileKindStyle[kind];
  return <Icon name={style.icon} size={size} color={`var(--mantine-color-${style.color.replace('.', '-')})`} />;
}

/**
 * A document's thumbnail (images and PDFs), or the icon of its kind when it has none: not made yet, not possible
 * (a damaged file), or not for this type. Keyed by version so a new version starts again from its own image.
 */
export function FileThumbnail({ document }: { document: DocumentItem }) {
  const kind = fileKind(document.mimeType);
  const pending = mayHaveThumbnail(document.mimeType) && Date.now() - Date.parse(document.updatedAt) < RECENT_MS;
  // A document listed without a thumbnail gets one only if it was changed a moment ago (the job may still run).
  if (!document.hasThumbnail && !pending) return <KindIcon kind={kind} />;
  return <ThumbnailImage key={`${document.id}:${document.version}`} document={document} />;
}

function ThumbnailImage({ document }: { document: DocumentItem }) {
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  const recent = Date.now() - Date.parse(document.updatedAt) < RECENT_MS;

  useEffect(() => {
    const delay = failed && recent ? RETRY_DELAYS_MS[attempt] : undefined;
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      setAttempt(attempt + 1);
      setFailed(false);
    }, delay);
    return () => clearTimeout(timer);
  }, [failed, recent, attempt]);

  if (failed) return <KindIcon kind={fileKind(document.mimeType)} />;
  return (
    <img
      // A new element per attempt: an <img> does not ask again for an address that failed (404s are not cached).
      key={attempt}
      className={
        document.mimeType === 'application/pdf' ? `${classes.thumbnail} ${classes.thumbnailPage}` : classes.thumbnail
      }
      src={thumbnailUrl(document.id, document.version)}
      alt=""
      loading="lazy"
      decoding="async"
      width={36}
      height={36}
      data-testid="file-thumbnail"
      onError={() => setFailed(true)}
    />
  );
}
