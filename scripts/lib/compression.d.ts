// compression ships no types and @types/compression brings Express's; the middleware is called
// here with Node's own request and response, which is all it reads (it wraps res.write/res.end).
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export default function compression(): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}
