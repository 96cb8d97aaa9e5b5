import { Alert, Loader, SegmentedControl, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../ui/error-alert';
import classes from '../documents.module.css';
import { TextBlock, TruncatedNotice, useDocumentText } from './text-preview';

type Renderer = typeof import('../markdown/markdown-render');
let renderer: Promise<Renderer> | null = null;

/** marked and DOMPurify come in their own chunk, the first time someone previews a Markdown file. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= import('../markdown/markdown-render');
  // A failed load (network) is tried again on the next preview.
  renderer.catch(() => {
    renderer = null;
  });
  return renderer;
}

type View = 'formatted' | 'source';

/** A Markdown file shown formatted (sanitised: see markdown-render.ts) or as written, at the reader's choice. */
export function MarkdownPreview({ documentId, version }: { documentId: string; version: number }) {
  const t = useT();
  const text = useDocumentText(documentId, version);
  const [view, setView] = useState<View>('formatted');
  const [render, setRender] = useState<Renderer['renderMarkdown'] | null>(null);
  const [failed, setFailed] = useState(false);
  const target = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    loadRenderer()
      .then((module) => live && setRender(() => module.renderMarkdown))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const formatted = view === 'formatted' && !failed;
  useEffect(() => {
    // React renders no children in this element: its content is the sanitised fragment, and only that.
    if (formatted && render && text.data && target.current) target.current.replaceChildren(render(text.data.text));
  }, [formatted, render, text.data]);

  if (text.isPending) return <Loader aria-label={t('common.loading')} />;
  if (text.isError) return <ErrorAlert error={text.error} />;
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        w="fit-content"
        aria-label={t('documents.markdownView')}
        value={view}
        onChange={(value) => setView(value as View)}
        data={[
          { value: 'formatted', label: t('documents.markdownFormatted') },
          { value: 'source', label: t('documents.markdownSource') },
        ]}
      />
      {text.data.truncated && <TruncatedNotice />}
      {failed && view === 'formatted' && (
        <Alert color="orange" variant="light">
          {t('documents.markdownFailed')}
        </Alert>
      )}
      {formatted ? (
        <>
          {!render && <Loader aria-label={t('common.loading')} />}
          <div
            ref={target}
            className={classes.markdown}
            role="document"
            aria-label={t('documents.markdownFormatted')}
            data-testid="markdown-preview"
          />
        </>
      ) : (
        <TextBlock text={text.data.text} />
      )}
    </Stack>
  );
}
