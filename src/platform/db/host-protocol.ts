/** What the embedded database host and its parent say to each other over IPC. */

/** Messages the host sends to its parent. */
export type HostMessage =
  | { type: 'ready'; socketDir: string }
  | { type: 'locked'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'dumped'; file: string };

/** Messages the parent may send to the host. */
export type HostCommand = { type: 'dump'; file: string } | { type: 'stop' };

/** The port in the socket file name (`.s.PGSQL.5432`), which is how pg finds a Unix socket. */
export const SOCKET_PORT = 5432;
