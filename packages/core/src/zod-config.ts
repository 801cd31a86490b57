/**
 * zod, left to itself, probes whether it may compile validators with `new Function` on the first parse. Under a
 * strict Content-Security-Policy the probe fails safely but the browser still reports a violation, so the kit
 * turns the probe off before any schema is built. Imported first by every module that builds schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });
