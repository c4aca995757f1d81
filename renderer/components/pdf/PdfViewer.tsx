import { ActionIcon, Alert, Button, Group, Loader, NativeSelect, PasswordInput, Progress, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconChevronUp,
  IconDownload,
  IconLayoutSidebar,
  IconLock,
  IconRotateClockwise,
  IconSearch,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPdfjs, type PdfDocument, type Pdfjs } from './loadPdfjs.js';
import { PdfThumbnails } from './PdfThumbnails.js';
import { createPdfDom, createPdfView, FIRST_PAGE_MARK, type PdfView } from './pdfView.js';
import { claimPreload, fetchPdf, takePdfLoad } from './pdfWorker.js';
import './PdfViewer.css';
import {
  accumulatePinch,
  classifyPdfError,
  isFitMode,
  isTypingTarget,
  keyAction,
  parsePageInput,
  percent,
  rotate,
  zoomIn,
  zoomMenuValue,
  zoomOut,
  ZOOM_STEPS,
  type PdfProblem,
} from './viewerMath.js';

type Viewer = InstanceType<Pdfjs['viewer']['PDFViewer']>;
type Bus = InstanceType<Pdfjs['viewer']['EventBus']>;

export interface PdfViewerProps {
  /** Same-origin URL of the PDF, e.g. /api/cases/:id/attachments/:attachmentId (the session cookie goes along). */
  url: string;
  /** Shown in labels and used as the download's name. */
  fileName?: string;
  /** The PDF could not be shown (the viewer says why itself; the page around it stays usable). */
  onError?: (problem: PdfProblem, error: unknown) => void;
  /** The document opened. */
  onLoad?: (info: { pageCount: number }) => void;
  /** The first page is on screen. */
  onFirstPage?: () => void;
  /** Open with the page strip shown (it can always be toggled). */
  defaultThumbnails?: boolean;
  /** Initial zoom: a fit mode or a scale; fit width by default. */
  initialZoom?: 'page-width' | 'page-fit' | 'auto' | number;
}

type Status =
  | { kind: 'loading'; progress: number | null }
  | { kind: 'ready' }
  | { kind: 'password'; wrong: boolean }
  | { kind: 'error'; problem: PdfProblem };

interface FindResult {
  current: number;
  total: number;
  pending: boolean;
  notFound: boolean;
}

/** pdf.js's find states (FindState in pdf_viewer). */
const FIND_NOT_FOUND = 1;
const FIND_PENDING = 3;
/** How long a pinch or ctrl+wheel zoom stretches the pages before redrawing them sharp (pdf.js's default). */
const ZOOM_REDRAW_DELAY_MS = 400;

/**
 * A PDF reader built from pdf.js's own viewer components
 * (pdfjs-dist/web/pdf_viewer: PDFViewer with its rendering queue,
 * EventBus, PDFLinkService, PDFFindController): pages render lazily as they
 * scroll, with a text layer for selecting and copying, find with highlights,
 * zoom and fit modes, rotation, a page strip, pinch zoom on touch screens and
 * keyboard shortcuts. Fills its parent's height. Loading errors (broken file,
 * password, gone) are shown inside it and never thrown to the page.
 */
export function PdfViewer({ url, fileName, onError, onLoad, onFirstPage, defaultThumbnails = false, initialZoom = 'page-width' }: PdfViewerProps) {
  const { t } = useTranslation();
  const coarse = useMediaQuery('(pointer: coarse)') ?? false;
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  // Phones: the find box folds behind a button so the pages keep the screen.
  const compact = useMediaQuery('(max-width: 40em)') ?? false;

  const stageRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const pagesRef = useRef<HTMLDivElement | null>(null);
  const viewerRef = useRef<Viewer | null>(null);
  const busRef = useRef<Bus | null>(null);
  const passwordRef = useRef<((password: string) => void) | null>(null);
  const callbacks = useRef({ onError, onLoad, onFirstPage });
  callbacks.current = { onError, onLoad, onFirstPage };
  const initialZoomRef = useRef(initialZoom);

  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'loading', progress: null });
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [pageCount, setPageCount] = useState(0);
  const [page, setPage] = useState(1);
  const [pageText, setPageText] = useState('1');
  const [zoom, setZoom] = useState<{ scale: number; preset: string | undefined }>({ scale: 1, preset: undefined });
  const [rotation, setRotation] = useState(0);
  const [firstPageShown, setFirstPageShown] = useState(false);
  const [thumbsOpen, setThumbsOpen] = useState(defaultThumbnails);
  const [query, setQuery] = useState('');
  const [find, setFind] = useState<FindResult | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [password, setPassword] = useState('');
  const findInputRef = useRef<HTMLInputElement>(null);

  // pdf.js's container is made outside React (pdfView.ts), or taken over from the shell that already shows this
  // PDF, and put into the stage before the first paint, so a view taken over never leaves the screen.
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const dom = claimPreload(url)?.dom ?? createPdfDom();
    const { scrollTop, scrollLeft } = dom.container;
    stage.prepend(dom.container);
    dom.container.scrollTop = scrollTop;
    dom.container.scrollLeft = scrollLeft;
    containerRef.current = dom.container;
    pagesRef.current = dom.pages;
    return () => {
      dom.container.remove();
      containerRef.current = null;
      pagesRef.current = null;
    };
    // Once per viewer: later URLs are shown in the same container.
  }, []);

  useEffect(() => {
    containerRef.current?.setAttribute('aria-label', t('pdf.pages'));
  }, [t]);

  // Load the document and build the viewer; everything is torn down when the URL changes.
  useEffect(() => {
    const container = containerRef.current;
    const pagesEl = pagesRef.current;
    if (!container || !pagesEl) return;
    let cancelled = false;
    const ac = new AbortController();
    let pdfViewer: Viewer | undefined;
    setStatus({ kind: 'loading', progress: null });
    setDoc(null);
    setFirstPageShown(false);
    setFind(null);

    const fail = (error: unknown) => {
      if (cancelled) return;
      const problem = classifyPdfError(error);
      setStatus({ kind: 'error', problem });
      callbacks.current.onError?.(problem, error);
    };

    // Three things at once: the worker boots, the PDF downloads, the pdf.js chunk loads
    // (already under way, and the document maybe already open, if the page preloaded this PDF).
    // Marks on the way to the first page, for the benchmark's trace (BENCH_PDF_TRACE=1).
    performance.mark('kamiless:pdf-viewer-mounted');
    const load = takePdfLoad(url);
    const { worker } = load;
    // A 15 MB scan arrives in hundreds of chunks: one render per whole percent, not one per chunk, keeps the main thread free.
    let shownPercent = -1;
    const progress = (loaded: number, total: number | null) => {
      const percent = total ? Math.min(100, Math.floor((loaded / total) * 100)) : null;
      if (cancelled || (percent !== null && percent === shownPercent)) return;
      shownPercent = percent ?? -1;
      setStatus((s) => (s.kind === 'loading' ? { kind: 'loading', progress: percent === null ? null : percent / 100 } : s));
    };
    load.onProgress = progress;
    worker.addEventListener('error', () => fail(new Error('the pdf.js worker could not start')), { signal: ac.signal });
    // A preload started before sign-in may have been refused: then fetch again, now signed in.
    const bytes = load.early ? load.bytes.catch(() => fetchPdf(url, ac.signal, progress)) : load.bytes;

    const listen = (view: PdfView) => {
      const { eventBus, pdfViewer: v } = view;
      pdfViewer = v;
      viewerRef.current = v;
      busRef.current = eventBus;
      eventBus.on('pagesinit', () => {
        const z = initialZoomRef.current;
        v.currentScaleValue = typeof z === 'number' ? String(z) : z;
      }, { signal: ac.signal });
      eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => {
        setPage(pageNumber);
        setPageText(String(pageNumber));
      }, { signal: ac.signal });
      eventBus.on('scalechanging', ({ scale, presetValue }: { scale: number; presetValue?: string }) => {
        setZoom({ scale, preset: presetValue });
      }, { signal: ac.signal });
      eventBus.on('rotationchanging', ({ pagesRotation }: { pagesRotation: number }) => setRotation(pagesRotation), { signal: ac.signal });
      let firstRendered = false;
      eventBus.on('pagerendered', ({ error }: { error: unknown }) => {
        if (firstRendered || error) return;
        firstRendered = true;
        performance.mark(FIRST_PAGE_MARK);
        setFirstPageShown(true);
        callbacks.current.onFirstPage?.();
      }, { signal: ac.signal });
      eventBus.on('updatefindcontrolstate', ({ state, matchesCount }: { state: number; matchesCount: { current: number; total: number } }) => {
        setFind({ current: matchesCount.current, total: matchesCount.total, pending: state === FIND_PENDING, notFound: state === FIND_NOT_FOUND });
      }, { signal: ac.signal });
      eventBus.on('updatefindmatchescount', ({ matchesCount }: { matchesCount: { current: number; total: number } }) => {
        setFind((f) => ({ pending: f?.pending ?? false, notFound: false, current: matchesCount.current, total: matchesCount.total }));
      }, { signal: ac.signal });
    };
    const opened = (doc: PdfDocument, v: Viewer) => {
      // 0 until pdf.js has laid out the pages.
      const current = v.currentPageNumber || 1;
      setDoc(doc);
      setPageCount(doc.numPages);
      setPage(current);
      setPageText(String(current));
      setRotation(v.pagesRotation);
      setStatus({ kind: 'ready' });
      callbacks.current.onLoad?.({ pageCount: doc.numPages });
    };

    // Already on screen in this very container (the shell showed it before React loaded): take the view over as it is.
    const adopted = load.shown?.dom.container === container ? load.shown : null;
    if (adopted) {
      const v = adopted.view.pdfViewer;
      listen(adopted.view);
      setZoom({ scale: v.currentScale, preset: v.currentScaleValue });
      opened(adopted.doc, v);
      if (adopted.firstPage) {
        setFirstPageShown(true);
        callbacks.current.onFirstPage?.();
      }
    } else {
      void (async () => {
        const pdfjs = await loadPdfjs();
        if (cancelled) return;
        const view = createPdfView(pdfjs, { container, pages: pagesEl });
        listen(view);
        const data = await bytes;
        if (cancelled) return;
        performance.mark('kamiless:pdf-bytes');
        const task = load.open(pdfjs.lib, data);
        load.promptPasswordWith((update, reason) => {
          if (cancelled) return;
          passwordRef.current = update;
          setStatus({ kind: 'password', wrong: reason === pdfjs.lib.PasswordResponses.INCORRECT_PASSWORD });
        });

        const pdf = await task.promise;
        if (cancelled) return;
        performance.mark('kamiless:pdf-opened');
        passwordRef.current = null;
        view.pdfViewer.setDocument(pdf);
        view.linkService.setDocument(pdf, null);
        opened(pdf, view.pdfViewer);
      })().catch(fail);
    }

    return () => {
      cancelled = true;
      ac.abort();
      passwordRef.current = null;
      viewerRef.current = null;
      busRef.current = null;
      pdfViewer?.setDocument(null);
      load.dispose();
    };
  }, [url, attempt]);

  // Fit modes follow the container's size (window resize, page strip toggled, panel resized).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const observer = new ResizeObserver(() => {
      const v = viewerRef.current;
      if (!v?.pdfDocument) return;
      const preset = v.currentScaleValue;
      if (isFitMode(preset)) v.currentScaleValue = preset;
      else v.update();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  // Pinch zoom on touch screens (pdf.js's TouchManager, as its own viewer uses it) and ctrl+wheel / trackpad pinch.
  useEffect(() => {
    const container = containerRef.current;
    if (!container || !doc) return;
    const ac = new AbortController();
    const pinch = { unused: 1 };
    const wheel = { unused: 1 };
    let touch: { destroy(): void } | undefined;
    void loadPdfjs().then(({ lib }) => {
      if (ac.signal.aborted) return;
      touch = new lib.TouchManager({
        container,
        isPinchingDisabled: () => false,
        onPinchStart: () => {
          pinch.unused = 1;
        },
        onPinching: (origin: number[], prevDistance: number, distance: number) => {
          const v = viewerRef.current;
          if (!v) return;
          const factor = accumulatePinch(pinch, v.currentScale, distance / prevDistance);
          if (factor !== 1) v.updateScale({ drawingDelay: ZOOM_REDRAW_DELAY_MS, scaleFactor: factor, origin });
        },
        onPinchEnd: () => {
          pinch.unused = 1;
        },
        onPanning: (dx: number, dy: number) => viewerRef.current?.panBy(dx, dy),
        signal: ac.signal,
      });
    });
    container.addEventListener(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        const v = viewerRef.current;
        if (!v) return;
        const factor = accumulatePinch(wheel, v.currentScale, Math.exp(-e.deltaY / 100));
        if (factor !== 1) v.updateScale({ drawingDelay: ZOOM_REDRAW_DELAY_MS, scaleFactor: factor, origin: [e.clientX, e.clientY] });
      },
      { passive: false, signal: ac.signal },
    );
    return () => {
      ac.abort();
      touch?.destroy();
    };
  }, [doc]);

  const ready = status.kind === 'ready' && doc !== null;

  const goToPage = useCallback((n: number) => {
    const v = viewerRef.current;
    if (!v?.pdfDocument) return;
    v.currentPageNumber = n;
    setPageText(String(v.currentPageNumber));
  }, []);

  const setScaleValue = useCallback((value: string) => {
    const v = viewerRef.current;
    if (v?.pdfDocument) v.currentScaleValue = value;
  }, []);

  const stepZoom = useCallback((dir: 1 | -1) => {
    const v = viewerRef.current;
    if (!v?.pdfDocument) return;
    v.currentScale = dir > 0 ? zoomIn(v.currentScale) : zoomOut(v.currentScale);
  }, []);

  const rotateClockwise = useCallback(() => {
    const v = viewerRef.current;
    if (v?.pdfDocument) v.pagesRotation = rotate(v.pagesRotation, 90);
  }, []);

  const runFind = useCallback((text: string, again: boolean, previous = false) => {
    const bus = busRef.current;
    if (!bus) return;
    if (!text.trim()) {
      bus.dispatch('findbarclose', { source: null });
      setFind(null);
      return;
    }
    bus.dispatch('find', {
      source: null,
      type: again ? 'again' : '',
      query: text,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
  }, []);

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    if (!ready || isTypingTarget(e.target)) return;
    const action = keyAction(e, zoom.preset === 'page-fit');
    if (!action) return;
    const v = viewerRef.current;
    if (!v) return;
    e.preventDefault();
    switch (action) {
      case 'zoomIn':
        stepZoom(1);
        break;
      case 'zoomOut':
        stepZoom(-1);
        break;
      case 'zoomReset':
        v.currentScaleValue = 'page-width';
        break;
      case 'nextPage':
        v.nextPage();
        break;
      case 'previousPage':
        v.previousPage();
        break;
      case 'firstPage':
        goToPage(1);
        break;
      case 'lastPage':
        goToPage(v.pagesCount);
        break;
      case 'find':
        setFindOpen(true);
        // The box may only now be mounted (phones).
        requestAnimationFrame(() => {
          findInputRef.current?.focus();
          findInputRef.current?.select();
        });
        break;
    }
  };

  const submitPage = (e: FormEvent) => {
    e.preventDefault();
    const n = parsePageInput(pageText, pageCount);
    if (n === null) setPageText(String(page));
    else goToPage(n);
  };

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    const update = passwordRef.current;
    if (!update) return;
    setStatus({ kind: 'loading', progress: null });
    update(password);
    setPassword('');
  };

  const iconSize = coarse ? 'xl' : 'lg';
  const inputSize = coarse ? 'md' : 'sm';
  const menuValue = zoomMenuValue(zoom.preset, zoom.scale);
  const zoomOptions = [
    { value: 'page-width', label: t('pdf.fitWidth') },
    { value: 'page-fit', label: t('pdf.fitPage') },
    { value: 'auto', label: t('pdf.fitAuto') },
    ...ZOOM_STEPS.map((s) => ({ value: String(s), label: percent(s) })),
    ...(menuValue === 'custom' ? [{ value: 'custom', label: percent(zoom.scale), disabled: true }] : []),
  ];
  const title = fileName ?? t('pdf.document');

  const tool = (label: string, icon: ReactNode, onClick: () => void, opts: { disabled?: boolean; pressed?: boolean } = {}) => (
    <Tooltip label={label} disabled={coarse} openDelay={400}>
      <ActionIcon
        variant={opts.pressed ? 'light' : 'subtle'}
        color="gray"
        size={iconSize}
        aria-label={label}
        aria-pressed={opts.pressed}
        disabled={opts.disabled ?? !ready}
        onClick={onClick}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <div
      className="kl-pdf"
      data-status={status.kind}
      data-page={ready ? page : undefined}
      data-pages={ready ? pageCount : undefined}
      data-rotation={rotation}
      data-first-page-shown={firstPageShown || undefined}
      data-coarse={coarse || undefined}
      role="region"
      aria-label={title}
      onKeyDown={onKeyDown}
    >
      <div className="kl-pdf-toolbar" role="toolbar" aria-label={t('pdf.toolbar')}>
        <Group gap={4} wrap="nowrap">
          {tool(t('pdf.thumbnails'), <IconLayoutSidebar size={20} aria-hidden />, () => setThumbsOpen((o) => !o), { pressed: thumbsOpen })}
          {tool(t('pdf.previousPage'), <IconChevronLeft size={20} aria-hidden />, () => viewerRef.current?.previousPage(), { disabled: !ready || page <= 1 })}
          <form onSubmit={submitPage} className="kl-pdf-pageform">
            <TextInput
              size={inputSize}
              w={coarse ? 64 : 56}
              value={ready ? pageText : ''}
              onChange={(e) => setPageText(e.currentTarget.value)}
              onBlur={() => setPageText(String(page))}
              onFocus={(e) => e.currentTarget.select()}
              inputMode="numeric"
              enterKeyHint="go"
              aria-label={t('pdf.pageNumber')}
              disabled={!ready}
              classNames={{ input: 'kl-pdf-pageinput' }}
            />
            <Text size="sm" c="dimmed" className="kl-pdf-pagecount" aria-live="off">
              {ready ? t('pdf.ofPages', { count: pageCount }) : ''}
            </Text>
          </form>
          {tool(t('pdf.nextPage'), <IconChevronRight size={20} aria-hidden />, () => viewerRef.current?.nextPage(), { disabled: !ready || page >= pageCount })}
        </Group>
        <Group gap={4} wrap="nowrap">
          {tool(t('pdf.zoomOut'), <IconZoomOut size={20} aria-hidden />, () => stepZoom(-1))}
          <NativeSelect
            size={inputSize}
            w={coarse ? 150 : 140}
            value={menuValue}
            data={zoomOptions}
            onChange={(e) => setScaleValue(e.currentTarget.value)}
            aria-label={t('pdf.zoom')}
            disabled={!ready}
          />
          {tool(t('pdf.zoomIn'), <IconZoomIn size={20} aria-hidden />, () => stepZoom(1))}
          {tool(t('pdf.rotate'), <IconRotateClockwise size={20} aria-hidden />, rotateClockwise)}
          {compact
            ? tool(t('pdf.find'), <IconSearch size={20} aria-hidden />, () => {
                if (findOpen) {
                  setQuery('');
                  runFind('', false);
                }
                setFindOpen((o) => !o);
              }, { pressed: findOpen })
            : null}
          {!narrow ? (
            <Tooltip label={t('pdf.download')} disabled={coarse} openDelay={400}>
              <ActionIcon component="a" href={url} download={fileName ?? true} variant="subtle" color="gray" size={iconSize} aria-label={t('pdf.download')}>
                <IconDownload size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
        {compact && !findOpen ? null : (
        <form
          className="kl-pdf-find"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            runFind(query, true);
          }}
        >
          <TextInput
            ref={findInputRef}
            size={inputSize}
            autoFocus={compact}
            className="kl-pdf-findinput"
            value={query}
            placeholder={t('pdf.findPlaceholder')}
            aria-label={t('pdf.find')}
            leftSection={<IconSearch size={16} aria-hidden />}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setQuery(text);
              runFind(text, false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                runFind(query, true, e.shiftKey);
              } else if (e.key === 'Escape') {
                setQuery('');
                runFind('', false);
              }
            }}
            enterKeyHint="search"
            disabled={!ready}
            rightSectionWidth={96}
            rightSection={
              find && query.trim() ? (
                <Text size="xs" c={find.notFound ? 'red' : 'dimmed'} className="kl-pdf-findcount" aria-live="polite">
                  {find.notFound ? t('pdf.findNone') : find.total > 0 ? t('pdf.findCount', { current: find.current, total: find.total }) : find.pending ? '…' : ''}
                </Text>
              ) : null
            }
          />
          {tool(t('pdf.findPrevious'), <IconChevronUp size={20} aria-hidden />, () => runFind(query, true, true), { disabled: !ready || !query.trim() })}
          {tool(t('pdf.findNext'), <IconChevronDown size={20} aria-hidden />, () => runFind(query, true), { disabled: !ready || !query.trim() })}
        </form>
        )}
      </div>

      <div className="kl-pdf-body">
        {thumbsOpen && ready ? (
          <PdfThumbnails
            doc={doc}
            pageCount={pageCount}
            currentPage={page}
            rotation={rotation}
            enabled={firstPageShown}
            onSelect={(n) => {
              goToPage(n);
              if (narrow) setThumbsOpen(false);
            }}
          />
        ) : null}
        <div className="kl-pdf-stage" ref={stageRef}>
          {status.kind === 'loading' ? (
            <div className="kl-pdf-overlay" role="status">
              <Stack align="center" gap="xs" w={240}>
                <Loader size="md" />
                <Text size="sm" c="dimmed">
                  {t('pdf.loading')}
                </Text>
                {status.progress !== null ? <Progress value={status.progress * 100} w="100%" size="sm" aria-hidden /> : null}
              </Stack>
            </div>
          ) : null}
          {status.kind === 'password' ? (
            <div className="kl-pdf-overlay">
              <form onSubmit={submitPassword} className="kl-pdf-message">
                <Alert color="yellow" variant="light" icon={<IconLock size={18} aria-hidden />} title={t('pdf.passwordTitle')} role="alert">
                  <Stack gap="sm">
                    <Text size="sm">{status.wrong ? t('pdf.passwordWrong') : t('pdf.passwordNeeded')}</Text>
                    <PasswordInput
                      size={inputSize}
                      label={t('pdf.password')}
                      value={password}
                      onChange={(e) => setPassword(e.currentTarget.value)}
                      autoComplete="off"
                      data-autofocus
                    />
                    <Group gap="xs">
                      <Button type="submit" size={inputSize} disabled={!password}>
                        {t('pdf.open')}
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              </form>
            </div>
          ) : null}
          {status.kind === 'error' ? (
            <div className="kl-pdf-overlay">
              <div className="kl-pdf-message">
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={<ProblemWords problem={status.problem} part="title" />} role="alert">
                  <Stack gap="sm">
                    <Text size="sm"><ProblemWords problem={status.problem} part="text" /></Text>
                    <Group gap="xs">
                      {status.problem === 'network' ? (
                        <Button size={inputSize} variant="light" color="red" onClick={() => setAttempt((a) => a + 1)}>
                          {t('common.retry')}
                        </Button>
                      ) : null}
                      {status.problem === 'broken' ? (
                        <Button component="a" href={url} download={fileName ?? true} size={inputSize} variant="light" color="red" leftSection={<IconDownload size={16} aria-hidden />}>
                          {t('pdf.download')}
                        </Button>
                      ) : null}
                    </Group>
                  </Stack>
                </Alert>
              </div>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** The words for a problem: one title and one sentence of what to do. */
function ProblemWords({ problem, part }: { problem: PdfProblem; part: 'title' | 'text' }) {
  const { t } = useTranslation();
  const title = part === 'title';
  switch (problem) {
    case 'broken':
      return title ? t('pdf.brokenTitle') : t('pdf.brokenText');
    case 'notFound':
      return title ? t('pdf.notFoundTitle') : t('pdf.notFoundText');
    case 'forbidden':
      return title ? t('pdf.forbiddenTitle') : t('pdf.forbiddenText');
    case 'disposed':
      return title ? t('pdf.disposedTitle') : t('pdf.disposedText');
    case 'password':
    case 'wrongPassword':
      return title ? t('pdf.passwordTitle') : t('pdf.passwordNeeded');
    case 'network':
      return title ? t('pdf.failedTitle') : t('pdf.failedText');
  }
}
