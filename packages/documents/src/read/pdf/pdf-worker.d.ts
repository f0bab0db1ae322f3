// pdfjs-dist ships no declarations for its worker module; pdf-load.ts only registers it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
