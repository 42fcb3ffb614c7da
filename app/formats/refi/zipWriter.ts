/** Writing a .qdpx: a ZIP with `project.qde` at the root and the sources under `sources/`. */
import yazl from 'yazl';

export interface ZipFileToWrite {
  /** "/"-separated path inside the archive. */
  path: string;
  data: Uint8Array;
}

/** The archive's bytes. Entries are deflated (level 6) and dated `mtime`. */
export async function writeZip(files: readonly ZipFileToWrite[], mtime = new Date()): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    zip.addBuffer(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength), file.path, { mtime, compress: true, compressionLevel: 6 });
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
  });
  zip.end();
  const bytes = await done;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
