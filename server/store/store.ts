/**
 * Everything the kit keeps, behind one interface, so a Redis store can later sit
 * beside SQLite. Implementations must make every write durable before returning.
 */

/** A workshop as stored: its short join code, the facilitator's key and the salt for device hashes. */
export interface WorkshopRecord {
  id: string;
  code: string;
  hostKey: string;
  salt: string;
  createdAt: number;
}

export interface Store {
  /** All workshops, oldest first. */
  listWorkshops(): WorkshopRecord[];
  createWorkshop(workshop: WorkshopRecord): void;
  close(): void;
}
