/** Registers one event on a socket: exactly one payload and an ack, the payload valid, or an error ack and nothing changes. */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack } from '../protocol.ts';

export function handle<S extends z.ZodType>(socket: Socket, event: string, schema: S, run: (payload: z.infer<S>) => Promise<Ack<object>> | Ack<object>): void {
  socket.on(event, (...args: unknown[]) => {
    const ack = args.pop();
    if (typeof ack !== 'function') return;
    const parsed = args.length === 1 ? schema.safeParse(args[0]) : undefined;
    if (!parsed?.success) return void ack({ ok: false, error: 'BAD_REQUEST' });
    Promise.resolve()
      .then(() => run(parsed.data))
      .then(
        (result) => ack(result),
        () => ack({ ok: false, error: 'STORAGE' }),
      );
  });
}
