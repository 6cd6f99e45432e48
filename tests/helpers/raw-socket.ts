/**
 * A raw engine.io/socket.io connection over `ws`, for sending what no well-behaved
 * client would: broken frames, binary attachments, invalid UTF-8, unknown packet types.
 */
import WebSocket from 'ws';

export interface Raw {
  ws: WebSocket;
  /** Replies to acknowledgements, by ack id. */
  replies: Map<number, unknown>;
  closed: Promise<void>;
  isOpen(): boolean;
}

/** Opens a websocket, joins the main namespace with `auth`, and answers pings. */
export function rawConnect(port: number, auth: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, { headers });
  const replies = new Map<number, unknown>();
  let open = false;
  const closed = new Promise<void>((ok) => ws.once('close', () => ((open = false), ok())));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      if (text === '2') ws.send('3');
      else if (text.startsWith('0')) ws.send(`40${JSON.stringify(auth)}`);
      else if (text.startsWith('40')) {
        open = true;
        resolve({ ws, replies, closed, isOpen: () => open && ws.readyState === WebSocket.OPEN });
      } else if (text.startsWith('44')) reject(new Error(text));
      else {
        const ack = text.match(/^43(\d+)(\[.*)$/s);
        if (ack?.[1] && ack[2]) replies.set(Number(ack[1]), (JSON.parse(ack[2]) as unknown[])[0]);
      }
    });
  });
}
