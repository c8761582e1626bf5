/** One request as the recorder saw it. */
export interface RecordedRequest {
  method: string;
  /** Raw request target (path + query) as sent. */
  url: string;
  /** Lower-case names; repeated headers joined. */
  headers: Record<string, string>;
  bodyBase64: string;
}

/** Starts the recording server on 127.0.0.1 (`port` 0: any free port). */
export function startRecorder(port?: number): Promise<{
  url: string;
  recorded: RecordedRequest[];
  close(): Promise<undefined>;
}>;
