/**
 * Browser security headers on every answer (`@fastify/helmet`) and `Secure` cookies on HTTPS.
 * The Content-Security-Policy allows the built web app and the API docs at /docs: scripts, styles,
 * fonts and requests only from this origin; inline styles (Mantine writes its theme variables into a
 * `<style>` element); images from data: and blob: URLs (icons, barcodes); no plugins, no framing.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The Content-Security-Policy directives every answer carries. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Whether requests are upgraded is the deployment's choice (HSTS over HTTPS), not the page's.
  upgradeInsecureRequests: null,
};

/** Installs the headers and the cookie rule on every route registered after it. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // A cookie set in answer to an HTTPS request is `Secure`. `request.protocol` is https on a TLS
  // socket, or when a proxy the server trusts (`trustProxy`) says so in X-Forwarded-Proto.
  app.addHook('onSend', async (request, reply, payload) => {
    const header = reply.getHeader('set-cookie');
    if (request.protocol !== 'https' || header === undefined) return payload;
    const cookies = [header].flat().map((cookie) => {
      const text = String(cookie);
      return /;\s*secure\s*(;|$)/i.test(text) ? text : `${text}; Secure`;
    });
    reply.removeHeader('set-cookie');
    void reply.header('set-cookie', cookies);
    return payload;
  });
}
