/**
 * The console's side of the handshake: a phone paired from the laptop (server/pairing/)
 * connects as the facilitator of the running workshop, with what the console may do and
 * nothing more. Thin: the pairing decides, this file turns its answer into an identity.
 */
import type { Server } from 'socket.io';
import type { LiveWorkshops } from '../live/live-workshop.ts';
import { hostKeyAllowed } from '../pairing/laptop.ts';
import type { ConsolePairing } from '../pairing/pairing.ts';
import { credentialHash } from '../pairing/pairing.ts';
import { wrongKeyGate } from '../privacy/wrong-keys.ts';
import type { HostAccess, Identity } from './guard.ts';
import { consoleAuth } from './schemas.ts';

/** The console's credential, and where the host key may be shown, for `createHandshake`. */
export function consoleAccess(rooms: LiveWorkshops, pairing: ConsolePairing, publicUrl: URL | undefined): HostAccess {
  const wrongCodes = wrongKeyGate();
  return {
    hostKeyHere: (caller) => hostKeyAllowed(caller, publicUrl),
    console(auth, address) {
      const parsed = consoleAuth.safeParse(auth);
      if (!parsed.success) return undefined;
      const { pair, console: token } = parsed.data;
      return (async () => {
        // A pairing code is guessed like a key: past a few wrong ones a minute from an address,
        // its codes are refused at once, unchecked, so guessing learns nothing (privacy/wrong-keys.ts).
        if (pair !== undefined && !(await wrongCodes.open(address))) return 'CONSOLE_NOT_PAIRED';
        const code = pair === undefined ? pairing.workshopOf(token) : pairing.redeem(pair, token);
        if (code === null) {
          if (pair !== undefined) await wrongCodes.wrong(address);
          return 'CONSOLE_NOT_PAIRED';
        }
        const workshop = await rooms.workshop(code);
        if (!workshop) return 'UNKNOWN_WORKSHOP';
        const identity: Identity = { workshop, room: workshop.room, role: 'host', console: credentialHash(token) };
        return identity;
      })();
    },
  };
}

/** Ends the connections of revoked consoles; they reconnect, are refused and ask to pair again. */
export function endRevokedConsoles(io: Server, pairing: ConsolePairing): void {
  pairing.onRevoke((hashes) => {
    for (const socket of io.sockets.sockets.values()) {
      const held = (socket.data as Partial<Identity>).console;
      if (held !== undefined && hashes.includes(held)) socket.disconnect(true);
    }
  });
}
