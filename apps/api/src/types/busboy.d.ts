// The part of busboy 1.x this app uses (the package ships no types and @types/busboy is not a dependency).
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  export interface FileInfo {
    filename: string;
    encoding: string;
    mimeType: string;
  }
  export interface BusboyConfig {
    headers: IncomingHttpHeaders;
    /** Charset of `filename*`-less parameters; 'utf8' so that French file names arrive intact. */
    defParamCharset?: string;
    limits?: { fieldSize?: number; fields?: number; fileSize?: number; files?: number; parts?: number; headerPairs?: number };
  }
  export interface Busboy extends Writable {
    on(event: 'file', listener: (name: string, stream: Readable, info: FileInfo) => void): this;
    on(event: 'field', listener: (name: string, value: string) => void): this;
    on(event: 'close' | 'partsLimit' | 'filesLimit' | 'fieldsLimit', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }
  export default function busboy(config: BusboyConfig): Busboy;
}
