// The QR data URL draws exactly what qrcode's own SVG renderer draws for one byte segment, from the encoder's parts alone.
import { toString } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrDataUrl } from './qrDataUrl.ts';

const svgOf = (dataUrl: string): string =>
  decodeURIComponent(dataUrl.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));

describe('qrDataUrl', () => {
  it.each([
    'otpauth://totp/us-east-1_DemoPool1:setup-user?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=us-east-1_DemoPool1',
    'otpauth://totp/Example%20Co:alice%40example.com?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&issuer=Example%20Co&algorithm=SHA1&digits=6&period=30',
    'otpauth://totp/Acme%20Corporation%20Europe:a.very.long.user.name%2Bmfa@example.com?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&issuer=Acme%20Corporation%20Europe&algorithm=SHA1&digits=6&period=30',
    '12345',
    'é',
    'x'.repeat(300),
  ])('renders %s as the same SVG as qrcode.toString of one byte segment', async (text) => {
    const dataUrl = await qrDataUrl(text);
    expect(dataUrl).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(svgOf(dataUrl)).toBe(
      await toString([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      }),
    );
  });
});
