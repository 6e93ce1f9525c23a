import { join } from 'node:path';

/**
 * The command-line tools reach a running bot through a Unix socket in the data folder, mode 0600: only the bot's own
 * OS user can connect (a loopback TCP port would let any local process read a customer's whole record).
 */
export const adminSocketPath = (dataDir: string): string => join(dataDir, 'admin.sock');
