import { z } from 'zod';

/**
 * Turns off zod's compiled (eval-based) parsers. The renderer's CSP has no 'unsafe-eval', so zod's
 * eval probe would log a CSP violation on every wall. Schemas read this flag when they are built,
 * so main.tsx imports this module before anything that defines a schema.
 */
z.config({ jitless: true });
