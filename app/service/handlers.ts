import type { Context } from './context.js';
import type { Input, OperationName, Output } from './contract.js';

export type Handler<K extends OperationName> = (context: Context, input: Input<K>) => Output<K> | Promise<Output<K>>;
export type Handlers = { [K in OperationName]: Handler<K> };
