// `npm start`: runs the TypeScript server in this same process (no second node to leave behind).
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
