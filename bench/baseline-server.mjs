// The floor socket.io itself sets: a minimal in-memory live poll that acks every answer
// and broadcasts a coalesced tally to everyone every 100 ms. No validation, no storage.
// Usage: node bench/baseline-server.mjs PORT
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { reportMetrics } from './metrics.mjs';

reportMetrics();
const port = Number(process.argv[2]);
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
const ballots = new Map();
/** Counts by activity, kept as ballots change, so a snapshot costs nothing per ballot. */
const countsOf = new Map();
let current = null;
let revealed = false;
let dirty = false;

const snapshot = () => {
  const counts = countsOf.get(current) ?? [];
  const total = counts.reduce((a, b) => a + (b ?? 0), 0);
  return { activityId: current, status: 'open', revealed, total, threshold: 5, results: revealed ? { kind: 'options', counts } : null };
};
const count = (activityId, value, n) => {
  const counts = countsOf.get(activityId) ?? [];
  counts[value] = (counts[value] ?? 0) + n;
  countsOf.set(activityId, counts);
};

io.on('connection', (socket) => {
  const device = String(socket.handshake.auth?.device ?? socket.id);
  socket.emit('room:state', { code: 'BASE', role: 'attendee', current: current ? { activity: { id: current }, snapshot: snapshot() } : null });
  socket.on('answer:submit', (payload, ack) => {
    const key = `${payload.activityId}\n${device}`;
    if (ballots.has(key)) count(payload.activityId, ballots.get(key), -1);
    ballots.set(key, payload.value);
    count(payload.activityId, payload.value, 1);
    dirty = true;
    ack({ ok: true, value: payload.value });
  });
  socket.on('activity:open', (payload, ack) => {
    current = payload.activityId;
    revealed = false;
    dirty = true;
    ack({ ok: true });
  });
  socket.on('activity:reveal', (_payload, ack) => {
    revealed = true;
    dirty = true;
    ack({ ok: true });
  });
});

setInterval(() => {
  if (!dirty || !current) return;
  dirty = false;
  io.emit('activity:snapshot', snapshot());
}, 100);

process.on('message', (message) => {
  if (message === 'stored') process.send?.({ stored: [...ballots.keys()] });
});
httpServer.listen(port, '127.0.0.1', () => console.log('Press Ctrl+C to stop.'));
