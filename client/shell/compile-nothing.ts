/**
 * The studio's pages compile no JavaScript at run time: their Content-Security-Policy forbids it
 * (server/http/security-headers.ts). zod would try to (`new Function`, to speed up object schemas)
 * and fall back when refused, but the browser reports each refusal as a policy violation; so zod is
 * told not to try. Imported first by every entry that validates (the page, the import worker): zod
 * reads the setting when a schema is built.
 */
import * as z from 'zod';

z.config({ jitless: true });
