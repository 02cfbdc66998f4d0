// Test helper: a tiny browser over fetch that keeps cookies, follows redirects and submits the pages' HTML forms.

export interface Visit {
  readonly url: string;
  readonly status: number;
  readonly html: string;
}

export interface Form {
  readonly action: string;
  readonly fields: Record<string, string>;
}

/** The forms of a page (our pages are generated, regular HTML: attribute order as written there). */
export function forms(visit: Visit): Form[] {
  const out: Form[] = [];
  for (const match of visit.html.matchAll(/<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input ([^>]*)>/g)) {
      const attributes = input[1] ?? '';
      const name = /name="([^"]*)"/.exec(attributes)?.[1];
      const value = /value="([^"]*)"/.exec(attributes)?.[1] ?? '';
      if (name !== undefined) fields[name] = unescape(value);
    }
    out.push({ action: new URL(unescape(match[1] ?? ''), visit.url).toString(), fields });
  }
  return out;
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export class FormBrowser {
  readonly cookies = new Map<string, string>();
  /** URLs the browser stopped at instead of loading (the app's callback), and every Location it followed. */
  readonly visited: string[] = [];
  private readonly stopAt: string;

  /** Redirects to URLs starting with `stopAt` are not followed: `visit.url` is that URL (the app's callback). */
  constructor(stopAt: string) {
    this.stopAt = stopAt;
  }

  get(url: string): Promise<Visit> {
    return this.load(url, { method: 'GET' });
  }

  /** Submits a form with `values` over its hidden fields. */
  submit(form: Form, values: Record<string, string> = {}): Promise<Visit> {
    const body = new URLSearchParams({ ...form.fields, ...values });
    return this.load(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
  }

  private async load(url: string, init: RequestInit): Promise<Visit> {
    let current = url;
    let request = init;
    for (let hops = 0; hops < 10; hops += 1) {
      this.visited.push(current);
      if (current.startsWith(this.stopAt)) return { url: current, status: 0, html: '' };
      const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(current, {
        ...request,
        redirect: 'manual',
        headers: {
          ...(request.headers as Record<string, string> | undefined),
          ...(cookie !== '' ? { Cookie: cookie } : {}),
        },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const [name = '', value = ''] = pair.split('=');
        if (attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.arrayBuffer();
        current = new URL(location, current).toString();
        request = { method: 'GET' };
        continue;
      }
      return { url: current, status: response.status, html: await response.text() };
    }
    throw new Error('too many redirects');
  }
}
