/**
 * The `CustomFunctions` global that Excel's runtime provides, reproduced for Node tests with the same
 * shape as @types/custom-functions-runtime (an Error class carrying an ErrorCode and a message).
 */
class CustomFunctionsError {
  code: string;
  message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

const registry = new Map<string, (...args: unknown[]) => unknown>();

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    if (typeof id === 'string' && fn) registry.set(id.toUpperCase(), fn);
    else if (typeof id === 'object')
      for (const [key, value] of Object.entries(id)) registry.set(key.toUpperCase(), value);
  },
  __registry: registry,
};

export {};
