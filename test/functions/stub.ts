/** A stand-in for Excel's CustomFunctions global: errors carry the code and message Excel would show. */
export class StubError extends Error {
  constructor(public code: string, message?: string) {
    super(message);
  }
}

export function installCustomFunctionsStub(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StubError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
    associate: () => undefined,
  };
}

/** Call a function and return its value, or [code, message] when it throws an Excel error. */
export function call<T>(f: () => T): T | [string, string] {
  try {
    return f();
  } catch (e) {
    if (e instanceof StubError) return [e.code, e.message];
    throw e;
  }
}
