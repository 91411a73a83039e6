import { connect } from 'node:net';

/** An answer read off a real socket; `dropped` when the server closed or reset without one. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  dropped?: string;
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** Parses the first HTTP/1.1 response in `data` (enough for Connection: close). */
export function parseResponse(data: Buffer): RawAnswer | undefined {
  // An interim answer (100 Continue) comes first: skip it.
  while (/^HTTP\/1\.[01] 1\d\d/.test(data.subarray(0, 16).toString('latin1'))) {
    const skip = data.indexOf('\r\n\r\n');
    if (skip < 0) return undefined;
    data = data.subarray(skip + 4);
  }
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = data.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '');
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = data.subarray(end + 4);
  if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  else if (headers['content-length']) body = body.subarray(0, Number(headers['content-length']));
  return { status: Number(m[1]), headers, body };
}

/**
 * Writes raw bytes to the server and reads until it closes the connection. No HTTP client in between, so
 * requests no client library would send (broken request lines, bad bytes, oversized headers) get through.
 */
export function rawExchange(port: number, request: Buffer | string, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1' });
    let done = false;
    const finish = (why?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parseResponse(Buffer.concat(chunks));
      if (parsed) resolve(parsed);
      else
        resolve({
          status: 0,
          headers: {},
          body: Buffer.concat(chunks),
          dropped: why ?? 'closed without an answer',
        });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(`socket error ${err.code ?? err.message}`));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('connect', () => socket.write(request));
  });
}

/** An HTTP/1.1 request as bytes (Connection: close, Content-Length set). */
export function httpRequest(
  port: number,
  method: string,
  url: string,
  headers: Record<string, string>,
  payload?: string | Buffer,
): Buffer {
  const body =
    payload === undefined ? Buffer.alloc(0) : Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const lines = [`${method} ${url} HTTP/1.1`, `host: 127.0.0.1:${port}`, 'connection: close'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body.length || ['POST', 'PUT', 'PATCH'].includes(method)) lines.push(`content-length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** Protocol-level abuse, sent once per run over a real socket: each must still get an answer. */
export function protocolCases(port: number, cookie: string): Array<{ what: string; bytes: Buffer }> {
  const b = (s: string) => Buffer.from(s, 'latin1');
  const host = `host: 127.0.0.1:${port}\r\nconnection: close\r\n`;
  return [
    { what: 'garbage request line', bytes: b('HELLO WORLD\r\n\r\n') },
    { what: 'unknown method', bytes: b(`FROB /api/v1/me HTTP/1.1\r\n${host}\r\n`) },
    { what: 'HTTP/9.9', bytes: b(`GET /api/v1/me HTTP/9.9\r\n${host}\r\n`) },
    {
      what: 'headers over 16 KB',
      bytes: b(`GET /api/v1/me HTTP/1.1\r\n${host}x-big: ${'a'.repeat(20_000)}\r\n\r\n`),
    },
    {
      what: 'URL of 100 KB',
      bytes: b(`GET /api/v1/verksamheter/${'a'.repeat(100_000)} HTTP/1.1\r\n${host}\r\n`),
    },
    {
      what: 'invalid UTF-8 in path',
      bytes: Buffer.concat([
        b('GET /api/v1/verksamheter/'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        b(` HTTP/1.1\r\n${host}\r\n`),
      ]),
    },
    { what: 'bad percent-encoding', bytes: b(`GET /api/v1/verksamheter/%E0%A4%A HTTP/1.1\r\n${host}\r\n`) },
    { what: 'NUL in header value', bytes: b(`GET /api/v1/me HTTP/1.1\r\n${host}x-a: a\u0000b\r\n\r\n`) },
    { what: 'space before colon', bytes: b(`GET /api/v1/me HTTP/1.1\r\n${host}x-a : b\r\n\r\n`) },
    {
      what: 'content-length and chunked',
      bytes: b(
        `POST /api/v1/auth/login HTTP/1.1\r\n${host}content-type: application/json\r\ncontent-length: 4\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`,
      ),
    },
    {
      what: 'bad chunk size',
      bytes: b(
        `POST /api/v1/auth/login HTTP/1.1\r\n${host}content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      ),
    },
    {
      what: 'two content-lengths',
      bytes: b(
        `POST /api/v1/auth/login HTTP/1.1\r\n${host}content-type: application/json\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}`,
      ),
    },
    {
      what: 'negative content-length',
      bytes: b(
        `POST /api/v1/auth/login HTTP/1.1\r\n${host}content-type: application/json\r\ncontent-length: -1\r\n\r\n{}`,
      ),
    },
    {
      what: 'absolute-form URI',
      bytes: b(`GET http://evil.example/api/v1/me HTTP/1.1\r\n${host}cookie: ${cookie}\r\n\r\n`),
    },
    { what: 'HTTP/1.0 without host', bytes: b('GET /api/v1/me HTTP/1.0\r\n\r\n') },
    { what: 'LF-only line ends', bytes: b(`GET /api/v1/me HTTP/1.1\nhost: x\nconnection: close\n\n`) },
    {
      what: 'pipelined requests',
      bytes: b(
        `GET /api/v1/me HTTP/1.1\r\nhost: x\r\ncookie: ${cookie}\r\n\r\nGET /api/v1/nope HTTP/1.1\r\n${host}\r\n`,
      ),
    },
    {
      what: 'gzip-encoded JSON that is not gzip',
      bytes: b(
        `POST /api/v1/auth/login HTTP/1.1\r\n${host}content-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: 2\r\n\r\n{}`,
      ),
    },
    {
      what: 'expect: 100-continue',
      bytes: b(
        `POST /api/v1/auth/login HTTP/1.1\r\n${host}content-type: application/json\r\nexpect: 100-continue\r\ncontent-length: 2\r\n\r\n{}`,
      ),
    },
    {
      what: '2 000 headers',
      bytes: b(
        `GET /api/v1/me HTTP/1.1\r\n${host}${Array.from({ length: 2000 }, (_, i) => `x-h${i}: ${i}\r\n`).join('')}\r\n`,
      ),
    },
  ];
}
