import { previewMaxBytes } from '../../../../shared/api/index.js';

/** A sample file picked in the browser, read once: its first bytes travel with every preview. */
export interface Sample {
  name: string;
  /** The whole file's size; only the first `previewMaxBytes` are sent. */
  size: number;
  base64: string;
  /** Changes with every pick, so the preview's cache key need not hold the bytes. */
  id: number;
}

/** Bytes → base64 in slices: String.fromCharCode with 256 KiB of arguments overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

let nextId = 1;

/** Up to `max` bytes of a stream, then stop reading (the rest of a large file is never touched). */
async function firstBytes(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const out = new Uint8Array(max);
  let filled = 0;
  try {
    while (filled < max) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, max - filled);
      out.set(value.subarray(0, take), filled);
      filled += take;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return out.subarray(0, filled);
}

/**
 * The first bytes of a picked file: enough for the first lines, which is all
 * a preview needs. A `.gz` sample is unpacked here, as the watcher unpacks
 * archives, because the hub previews plain bytes.
 */
export async function readSample(file: File): Promise<Sample> {
  let head: Uint8Array;
  if (/\.gz$/i.test(file.name) && typeof DecompressionStream !== 'undefined') {
    head = await firstBytes(file.stream().pipeThrough(new DecompressionStream('gzip')), previewMaxBytes);
  } else {
    head = new Uint8Array(await file.slice(0, previewMaxBytes).arrayBuffer());
  }
  return { name: file.name, size: file.size, base64: bytesToBase64(head), id: nextId++ };
}
