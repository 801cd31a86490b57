// zod 4 probes for `new Function` when it builds its first object schema (at import time) unless told not to, and
// under Trusted Types the probe is reported as a violation even though zod catches it. This module must be
// imported before anything that imports @crmkit/core. Core should set it itself (reported to the lead).
import { z } from 'zod';

z.config({ jitless: true });
