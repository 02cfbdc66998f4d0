// QR code as SVG markup from qrcode's encoder parts alone; loaded on demand by qrDataUrl.ts, with the encoder, in one chunk.
import { qrByteSymbol } from './qrByteSymbol.ts';

const MARGIN = 1;

/**
 * The dark modules as one SVG path, a horizontal stroke per run of dark modules: the same path, byte for byte, as
 * `qrcode`'s own SVG renderer draws (qrDataUrl.test.ts compares them).
 */
function modulesPath(size: number, data: Uint8Array): string {
  let path = '';
  for (let row = 0; row < size; row += 1) {
    let pen: number | undefined;
    let col = 0;
    while (col < size) {
      if (data[row * size + col] === 0) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col] !== 0) col += 1;
      path +=
        pen === undefined ? `M${String(start + MARGIN)} ${String(row + MARGIN + 0.5)}` : `m${String(start - pen)} 0`;
      path += `h${String(col - start)}`;
      pen = col;
    }
  }
  return path;
}

/**
 * `<svg>` of `text` as one byte segment at error-correction level M with a one-module quiet zone, as
 * `qrcode.toString([{ data: text, mode: 'byte' }], { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })` draws it.
 */
export function qrSvg(text: string): string {
  // Only the encoder's parts: the package's browser entry would also bring its canvas and SVG renderers into the bundle.
  const { size, data } = qrByteSymbol(text);
  const side = String(size + 2 * MARGIN);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path stroke="#000000" d="${modulesPath(size, data)}"/></svg>\n`
  );
}
