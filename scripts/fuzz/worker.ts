// The fuzz worker: checks each input it is sent and answers with the findings and the time taken.
import { parentPort } from "worker_threads";
import { checkFiles } from "./check";
import type { Files } from "./shapes";

parentPort!.on("message", (msg: { id: number; files: Files }) => {
  const started = performance.now();
  const findings = checkFiles(msg.files);
  parentPort!.postMessage({ id: msg.id, findings, ms: performance.now() - started });
});
