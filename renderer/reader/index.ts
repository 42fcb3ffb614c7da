/** The reader: mount it with `new Reader(element, options)`; import './reader/reader.css' once. */
export { Reader } from './reader.js';
export type { ReaderOptions } from './options.js';
export type { ReaderCoding, ReaderDocument, ReaderSelection } from './types.js';
