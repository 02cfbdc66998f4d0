// Renders text as a QR code image (SVG data URL); `qrcode` is loaded only when an MFA set-up needs it.

/** An `<img src>`-ready QR code of `text`: SVG, so it needs no canvas and stays sharp at any size. */
export async function qrDataUrl(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
