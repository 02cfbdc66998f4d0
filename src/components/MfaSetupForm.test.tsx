// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MfaSetupForm } from './MfaSetupForm.tsx';

afterEach(cleanup);

describe('MfaSetupForm', () => {
  it('shows the QR code, the key grouped for manual entry and the otpauth link', () => {
    const uri = 'otpauth://totp/Demo:setup-user?secret=JBSWY3DPEHPK3PXP&issuer=Demo';
    render(
      <MfaSetupForm
        secretCode="JBSWY3DPEHPK3PXP"
        uri={uri}
        qrDataUrl="data:image/svg+xml;base64,PHN2Zy8+"
        busy={false}
        error={undefined}
        submit={vi.fn()}
      />,
    );
    expect(screen.getByRole('img', { name: /QR code/ }).getAttribute('src')).toMatch(/^data:image\//);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe(uri);
    expect(screen.getByLabelText('Code').getAttribute('autocomplete')).toBe('one-time-code');
  });
});
