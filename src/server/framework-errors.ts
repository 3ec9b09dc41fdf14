import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './http-error.js';
import { serverText, type ServerMessageCode } from './messages.js';
import { apiCsp, baseSecurityHeaders } from './security-headers.js';

/** The headers of every error the framework or Node answers before a route runs: the service's own, no caching. */
export const errorHeaders: Readonly<Record<string, string>> = { ...baseSecurityHeaders, 'content-security-policy': apiCsp, 'cache-control': 'no-store' };

/**
 * Fastify's `frameworkErrors`: a URL that is not valid percent-encoding (400) or a path parameter over the router's
 * limit (414). Fastify's own answer carries none of the service's headers and echoes the URL; this one carries the
 * headers and says what is wrong without repeating the request.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const code: ServerMessageCode = tooLong ? 'request.too-long' : 'request.bad';
  void reply
    .code(tooLong ? 414 : 400)
    .headers(errorHeaders)
    .type('application/json; charset=utf-8')
    .send(errorBody(code, serverText(code)));
}

/**
 * Node's `clientError` (a request that cannot be parsed, headers too large, a request that took too long): answered
 * on the socket with the service's headers and a NL/EN body, then the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ServerMessageCode] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request.timeout'] : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'request.headers-too-large'] : [400, 'request.bad'];
  const body = JSON.stringify(errorBody(code, serverText(code)));
  const headers = Object.entries({ ...errorHeaders, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
  socket.destroy(error);
}
