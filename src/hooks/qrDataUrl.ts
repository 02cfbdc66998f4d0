// Renders text as a QR code image (SVG data URL); `qrcode` is loaded only when an MFA set-up needs it.

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
      path += pen === undefined ? `M${String(start + MARGIN)} ${String(row + MARGIN + 0.5)}` : `m${String(start - pen)} 0`;
      path += `h${String(col - start)}`;
      pen = col;
    }
  }
  return path;
}

/** An `<img src>`-ready QR code of `text`: SVG, so it needs no canvas and stays sharp at any size. */
export async function qrDataUrl(text: string): Promise<string> {
  // Only the encoder: the package's browser entry would also bring its canvas and SVG renderers into the bundle.
  const { create } = await import('qrcode/lib/core/qrcode.js');
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const side = String(size + 2 * MARGIN);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/><path stroke="#000000" d="${modulesPath(size, data)}"/></svg>\n`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
