// A small stand-in for a browser, for flows that cross sites (single sign-on): it keeps cookies with their
// paths (on one host, as every test server is on 127.0.0.1), follows redirects one by one so a test can
// stop at any of them, and submits HTML forms the way a person would.

interface StoredCookie {
  value: string;
  path: string;
}

export interface Visit {
  status: number;
  url: URL;
  location: URL | null;
  body: string;
}

/** RFC 6265 path matching: the cookie's path is the request's, or a folder above it. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath || cookiePath === '/') return true;
  return requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

export class Browser {
  private cookies = new Map<string, StoredCookie>();

  /** The value of a cookie, for any path. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  /** The `cookie` header this browser would send to a URL. */
  cookieHeader(url: URL): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => pathMatches(url.pathname, c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  /** One request, no redirects followed. */
  async visit(
    target: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Visit> {
    const url = new URL(target);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.store(line);
    const location = response.headers.get('location');
    return {
      status: response.status,
      url,
      location: location ? new URL(location, url) : null,
      body: await response.text(),
    };
  }

  /** Follows redirects from a URL until a page that is not one, or until `stopAt` matches a location. */
  async follow(target: string | URL, stopAt?: (location: URL) => boolean): Promise<Visit> {
    let page = await this.visit(target);
    for (let hops = 0; page.location && hops < 20; hops++) {
      if (stopAt?.(page.location)) return page;
      page = await this.visit(page.location);
    }
    return page;
  }

  /** Fills the page's only form with these fields (keeping its hidden ones) and sends it. */
  async submit(page: Visit, fields: Record<string, string> = {}): Promise<Visit> {
    const form = page.body.match(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/);
    if (!form) throw new Error(`no form on ${page.url}:\n${page.body.slice(0, 500)}`);
    const hidden: Record<string, string> = {};
    for (const input of (form[2] ?? '').matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = input[0].match(/name="([^"]*)"/)?.[1];
      const value = input[0].match(/value="([^"]*)"/)?.[1] ?? '';
      if (name) hidden[name] = value;
    }
    const action = new URL((form[1] ?? '').replaceAll('&amp;', '&'), page.url);
    return this.visit(action, { form: { ...hidden, ...fields } });
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attr('expires');
    const gone =
      value === '' || attr('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, { value, path: attr('path') ?? '/' });
  }
}
