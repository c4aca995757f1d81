import { UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument } from './loadPdfjs.js';

/** CSS width of a thumbnail; drawn at the screen's pixel density. */
const THUMB_WIDTH = 96;
/** Thumbnails drawn at once: the worker also renders the pages being read, which come first. */
const CONCURRENT = 2;

interface Slot {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

function limiter(max: number): Slot {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(fn) {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      active += 1;
      try {
        return await fn();
      } finally {
        active -= 1;
        waiting.shift()?.();
      }
    },
  };
}

interface ThumbnailsProps {
  doc: PdfDocument;
  pageCount: number;
  currentPage: number;
  rotation: number;
  /** False until the first page is on screen: thumbnails never delay the page being read. */
  enabled: boolean;
  onSelect: (page: number) => void;
}

/**
 * The page strip. pdf.js's PDFThumbnailViewer belongs to its full viewer app,
 * not to pdfjs-dist/web/pdf_viewer, so this draws small canvases with
 * page.render() as they scroll into view (IntersectionObserver), two at a time.
 */
export function PdfThumbnails({ doc, pageCount, currentPage, rotation, enabled, onSelect }: ThumbnailsProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const [aspect, setAspect] = useState(1.414);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const slot = useMemo(() => limiter(CONCURRENT), []);

  // Placeholders take the first page's shape until each page is drawn.
  useEffect(() => {
    let live = true;
    void doc.getPage(1).then((page) => {
      const vp = page.getViewport({ scale: 1, rotation: page.rotate + rotation });
      if (live) setAspect(vp.height / vp.width);
    });
    return () => {
      live = false;
    };
  }, [doc, rotation]);

  // Keep the current page's thumbnail in view while reading.
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-thumb-page="${currentPage}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [currentPage]);

  const pages = useMemo(() => Array.from({ length: pageCount }, (_, i) => i + 1), [pageCount]);

  return (
    <div
      className="kl-pdf-thumbs"
      ref={(el) => {
        listRef.current = el;
        setRoot(el);
      }}
      role="navigation"
      aria-label={t('pdf.thumbnails')}
    >
      {/* The strip's place is kept from the start (no re-layout of the pages); its 300 buttons wait for the first page. */}
      {!enabled ? null : pages.map((n) => (
        <Thumbnail
          key={n}
          doc={doc}
          page={n}
          aspect={aspect}
          rotation={rotation}
          enabled={enabled}
          root={root}
          slot={slot}
          current={n === currentPage}
          label={t('pdf.pageN', { page: n })}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

interface ThumbnailProps {
  doc: PdfDocument;
  page: number;
  aspect: number;
  rotation: number;
  enabled: boolean;
  root: HTMLDivElement | null;
  slot: Slot;
  current: boolean;
  label: string;
  onSelect: (page: number) => void;
}

function Thumbnail({ doc, page, aspect, rotation, enabled, root, slot, current, label, onSelect }: ThumbnailProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [drawnAspect, setDrawnAspect] = useState<number | null>(null);

  useEffect(() => {
    const el = boxRef.current;
    if (!el || !root) return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)), {
      root,
      rootMargin: '300px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [root]);

  useEffect(() => {
    const box = boxRef.current;
    if (!enabled || !visible || !box) return;
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    void slot
      .run(async () => {
        if (cancelled) return;
        const pdfPage = await doc.getPage(page);
        if (cancelled) return;
        const unit = pdfPage.getViewport({ scale: 1, rotation: pdfPage.rotate + rotation });
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: (THUMB_WIDTH * ratio) / unit.width, rotation: pdfPage.rotate + rotation });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        const task = pdfPage.render({ canvas, viewport });
        cancelRender = () => task.cancel();
        await task.promise;
        if (cancelled) return;
        box.replaceChildren(canvas);
        setDrawnAspect(unit.height / unit.width);
      })
      .catch(() => {
        // A cancelled or failed thumbnail stays a placeholder; the page itself shows its own error.
      });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [doc, page, rotation, enabled, visible, slot]);

  // A rotation redraws: drop the old picture.
  useEffect(() => {
    setDrawnAspect(null);
    boxRef.current?.replaceChildren();
  }, [rotation]);

  return (
    <UnstyledButton
      className="kl-pdf-thumb"
      data-thumb-page={page}
      data-current={current || undefined}
      aria-current={current ? 'page' : undefined}
      aria-label={label}
      onClick={() => onSelect(page)}
    >
      <div
        ref={boxRef}
        className="kl-pdf-thumb-image"
        style={{ width: THUMB_WIDTH, height: Math.round(THUMB_WIDTH * (drawnAspect ?? aspect)) }}
      />
      <span className="kl-pdf-thumb-number">{page}</span>
    </UnstyledButton>
  );
}
