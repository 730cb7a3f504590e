import { defineError } from '../errors';

/**
 * The connector's error catalogue. The Settings view shows `fullMessage`; code decides what it
 * offers next (sign in again, resolve a conflict, retry later).
 */
export const ConnectorErrors = {
  notConnected: defineError('CONNECTOR_NOT_CONNECTED', 'input', () => ({
    message: 'The add-in is not connected to a server.',
    hint: 'Open Settings and connect, or keep working offline: the add-in works fully without a server.',
  })),
  badUrl: defineError('CONNECTOR_BAD_URL', 'input', (url: string) => ({
    message: `"${url}" is not a server address.`,
    hint: 'Enter an address such as https://fpa.example.com or http://127.0.0.1:8787.',
    details: { field: 'server address' },
  })),
  offline: defineError('CONNECTOR_OFFLINE', 'missing', (why: string) => ({
    message: `The server cannot be reached (${why}).`,
    hint: 'Your change is kept in the offline queue and sent when the server is back.',
  })),
  /** A read that only the server can answer (FPA.BUDGET.VERSION) while not connected: #N/A in a cell. */
  needsServer: defineError('CONNECTOR_NEEDS_SERVER', 'missing', (what: string, why: string) => ({
    message: `${what} reads from the team server, and ${why}.`,
    hint: 'Connect in Settings › Team server, then recalculate.',
  })),
  unauthorised: defineError('CONNECTOR_UNAUTHORISED', 'input', (message: string) => ({
    message: `The server refused the sign-in: ${message}`,
    hint: 'Sign in again, or paste a fresh development token in Settings.',
  })),
  /** 403: the server's own message (who may do this, and why not you); `code` is the server's. */
  forbidden: defineError('CONNECTOR_FORBIDDEN', 'input', (message: string, code = 'SERVER_FORBIDDEN') => ({
    message,
    hint: 'Ask an administrator for the role or cost centre you need, or leave this step to the person it names.',
    details: { data: { status: 403, code } },
  })),
  conflict: defineError('CONNECTOR_CONFLICT', 'input', (message: string, yours: unknown, current: unknown) => ({
    message,
    hint: 'Choose your version (it is sent again on top of the current one) or keep the current one.',
    details: { data: { yours, current } },
  })),
  rejected: defineError(
    'CONNECTOR_REJECTED',
    'input',
    (status: number, code: string, message: string, details: unknown) => ({
      message: message.startsWith('The server refused')
        ? message
        : `The server refused the change (${status} ${code}): ${message}`,
      hint: 'Correct the values and send again.',
      details: { data: { status, code, details } },
    }),
  ),
  serverFailed: defineError('CONNECTOR_SERVER_FAILED', 'internal', (status: number) => ({
    message: `The server failed (${status}).`,
    hint: 'The change stays queued and is retried with increasing delays.',
  })),
};
