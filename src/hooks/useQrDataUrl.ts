// The QR image of an otpauth:// URI, drawn lazily; undefined until it is ready, and never a stale URI's image.
import { useEffect, useState } from 'react';
import { qrDataUrl } from './qrDataUrl.ts';

/** A data URL of `uri`'s QR code once drawn (the encoder loads on first use). */
export function useQrDataUrl(uri: string | undefined): string | undefined {
  const [qr, setQr] = useState<{ uri: string; dataUrl: string } | undefined>(undefined);
  useEffect(() => {
    if (uri === undefined) return;
    let current = true;
    void qrDataUrl(uri).then((dataUrl) => {
      if (current) setQr({ uri, dataUrl });
    });
    return () => {
      current = false;
    };
  }, [uri]);
  return qr !== undefined && qr.uri === uri ? qr.dataUrl : undefined;
}
