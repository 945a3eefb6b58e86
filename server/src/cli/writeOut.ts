// Output straight to a file descriptor: process.stdout/stderr would load the stream modules (~6 ms of
// a short run), and a CLI that prints once at the end gains nothing from them.
import * as fs from "fs";

/** Characters encoded at a time: a whole report as one buffer (0.9 MB for the bench config) was a
 *  copy of it at the peak of the run's memory. */
const CHUNK = 8192;

/** Writes all of `text` to `fd` (1 or 2), waiting out a full non-blocking pipe; a reader gone away (`| head`) ends it quietly. */
export function writeOut(fd: number, text: string | Uint8Array): void {
  if (typeof text !== "string") {
    writeBytes(fd, text);
    return;
  }
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + CHUNK, text.length);
    // Never between the two halves of a surrogate pair.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    if (!writeBytes(fd, Buffer.from(text.slice(i, end), "utf8"))) return;
    i = end;
  }
}

/** Writes all of `buffer` to `fd`, as writeOut does; false when the reader went away. */
export function writeBytes(fd: number, buffer: Uint8Array): boolean {
  let done = 0;
  while (done < buffer.length) {
    try {
      done += fs.writeSync(fd, buffer, done, buffer.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      else if (code === "EPIPE") return false;
      else throw e;
    }
  }
  return true;
}
