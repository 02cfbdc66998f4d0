// Renders text as a QR code image (SVG data URL); `qrcode` is loaded only when an MFA set-up needs it.

/** An `<img src>`-ready QR code of `text`: SVG, so it needs no canvas and stays sharp at any size. */
export async function qrDataUrl(text: string): Promise<string> {
  const { qrSvg } = await import('./qrSvg.ts');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text))}`;
}
