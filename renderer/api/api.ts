import type { ErrorInfo } from '../../app/domain/errors.js';
import type { GlossBridge } from '../../app/service/bridge.js';
import type { Input, OperationName, Output } from '../../app/service/contract.js';

/** An operation that failed, with the service's message for the user. */
export class ApiError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.info = info;
  }
}

/** The renderer's one way to the core: the bridge's contract, throwing on failure. */
export class Api {
  readonly bridge: GlossBridge;

  constructor(bridge: GlossBridge) {
    this.bridge = bridge;
  }

  async run<K extends OperationName>(name: K, input: Input<K>): Promise<Output<K>> {
    const result = await this.bridge.call(name, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  }
}

declare global {
  interface Window {
    /** Set by Electron's preload; absent in browser mode. */
    gloss?: GlossBridge;
  }
}
