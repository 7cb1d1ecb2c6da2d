import { z } from 'zod';

// Imported first by main.tsx, before any module that defines zod schemas. zod 4 compiles validators
// with `new Function` and probes for it when a schema is built; our CSP forbids eval, so the probe
// would be reported as a violation. Jitless zod needs no eval (the main process keeps the JIT).
z.config({ jitless: true });
