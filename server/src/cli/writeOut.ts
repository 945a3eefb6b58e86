// Output straight to a file descriptor: process.stdout/stderr would load the stream modules (~6 ms of
// a short run), and a CLI that prints once at the end gains nothing from them.
import * as fs from "fs";

/** Writes all of `text` to `fd` (1 or 2), waiting out a full non-blocking pipe; a reader gone away (`| head`) ends it quietly. */
export function writeOut(fd: number, text: string | Uint8Array): void {
  const buffer = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  let done = 0;
  while (done < buffer.length) {
    try {
      done += fs.writeSync(fd, buffer, done, buffer.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      else if (code === "EPIPE") return;
      else throw e;
    }
  }
}
