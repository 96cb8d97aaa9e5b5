import { ActionIcon, Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
// Both files are served as they are from our own origin, which the CSP allows (script-src and worker-src 'self'),
// and loaded only when someone previews a PDF: bundling pdf.js would put it in the vendor chunk every page loads.
import pdfJsUrl from 'pdfjs-dist/build/pdf.min.mjs?url';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../../../lib/i18n';
import { Icon } from '../../../ui/icons';
import classes from '../documents.module.css';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (import(/* @vite-ignore */ pdfJsUrl) as Promise<PdfJs>).then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  // A failed load (network) is tried again on the next preview.
  pdfjs.catch(() => {
    pdfjs = null;
  });
  return pdfjs;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** A PDF drawn page by page on a canvas, fitted to the width of the dialog, with page and zoom controls. */
export function PdfViewer({ url }: { url: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(2);
  // The page whose drawing is complete on the canvas (null while drawing): tests and screen readers wait on it.
  const [drawn, setDrawn] = useState<number | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { ref: frame, width } = useElementSize();

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => unknown) | null = null;
    setPdf(null);
    setError(null);
    setPage(1);
    loadPdfJs()
      .then((lib) => {
        const task = lib.getDocument({
          url,
          // The CSP forbids eval: pdf.js must not even try to compile fonts into functions.
          isEvalSupported: false,
          // One request for the whole file: each range request would be one more entry in the access log.
          disableRange: true,
          disableAutoFetch: true,
          withCredentials: true,
        });
        destroy = () => task.destroy();
        return task.promise;
      })
      .then((document) => {
        if (!cancelled) setPdf(document);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught);
      });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [url]);

  useEffect(() => {
    if (!pdf || !canvas.current || width <= 0) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    const target = canvas.current;
    setDrawn(null);
    pdf
      .getPage(page)
      .then((pdfPage) => {
        if (cancelled) return;
        const natural = pdfPage.getViewport({ scale: 1 });
        const fit = (width / natural.width) * ZOOMS[zoom];
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: fit * ratio });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / ratio)}px`;
        target.style.height = `${Math.floor(viewport.height / ratio)}px`;
        const context = target.getContext('2d');
        if (!context) return;
        task = pdfPage.render({ canvasContext: context, viewport });
        return task.promise;
      })
      .then(() => {
        if (!cancelled) setDrawn(page);
      })
      .catch((caught: unknown) => {
        // A render cancelled because the page or the size changed is not an error.
        if (!cancelled && (caught as { name?: string })?.name !== 'RenderingCancelledException') setError(caught);
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, zoom, width]);

  if (error) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('documents.pdfFailed')}
      </Alert>
    );
  }
  const pages = pdf?.numPages ?? 0;
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('documents.previousPage')}
            disabled={page <= 1}
            onClick={() => setPage((current) => current - 1)}
          >
            <Icon name="chevronLeft" size={16} />
          </ActionIcon>
          <Text fz="sm" aria-live="polite" data-testid="pdf-page-status" miw={110} ta="center">
            {pdf ? t('documents.pageOf', { page, pages }) : t('common.loading')}
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('documents.nextPage')}
            disabled={!pdf || page >= pages}
            onClick={() => setPage((current) => current + 1)}
          >
            <Icon name="chevronRight" size={16} />
          </ActionIcon>
        </Group>
        <Group gap={4}>
          <ActionIcon
            variant="default"
            aria-label={t('documents.zoomOut')}
            disabled={zoom <= 0}
            onClick={() => setZoom((current) => current - 1)}
          >
            <Text fw={700} lh={1}>
              −
            </Text>
          </ActionIcon>
          <Text fz="sm" miw={48} ta="center">
            {new Intl.NumberFormat(locale, { style: 'percent' }).format(ZOOMS[zoom])}
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('documents.zoomIn')}
            disabled={zoom >= ZOOMS.length - 1}
            onClick={() => setZoom((current) => current + 1)}
          >
            <Icon name="plus" size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <div className={classes.pdfFrame}>
        <div ref={frame}>
          {!pdf && <Loader aria-label={t('common.loading')} />}
          <canvas
            ref={canvas}
            role="img"
            className={classes.pdfCanvas}
            aria-label={t('documents.pdfPage', { page, pages })}
            data-drawn-page={drawn ?? undefined}
            hidden={!pdf}
          />
        </div>
      </div>
    </Stack>
  );
}
