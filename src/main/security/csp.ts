/**
 * The renderer's Content-Security-Policy. Injected into index.html at build time (see
 * electron.vite.config.ts) and sent as a header by the main process, from this one string.
 * No inline script, no eval, no remote origin of any kind; React's style props go through the CSSOM,
 * which style-src does not govern, so inline style attributes stay forbidden too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The renderer's document worker (layout, word count) starts from a blob: URL made by our own
  // script: a file:// page cannot start a worker from a file.
  "worker-src blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
