// testdata/repro/cases.json, typed: what every SDK generated from each repro spec must send and return (the format
// is in testdata/repro/README.md). The TypeScript, Ruby and core runners read it through here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPRO_DIR } from "./corpus";

/** One request the case expects, in order. */
export interface RequestExpectation {
  method: string;
  /** Raw request target: path + query. */
  url: string;
  /** Exact values; names lower-case. */
  headers?: Record<string, string>;
  absentHeaders?: string[];
  /** The body parsed as JSON. */
  json?: unknown;
}

/** A typed failure: a credential error (`mentions`) or an API error (`status`…). */
export interface ErrorExpectation {
  at: "construct" | "call";
  /** Scheme ids whose options the message must name. */
  mentions?: string[];
  status?: number;
  message?: string;
  code?: string;
  param?: string;
  requestId?: string;
}

export interface ReproCase {
  name: string;
  /** A file in testdata/repro. */
  spec: string;
  /** Client options by security scheme id. */
  credentials?: Record<string, string>;
  /** Environment variables set while the client is built. */
  env?: Record<string, string>;
  /** Plan method id and arguments by wire name. */
  call: { method: string; args: Record<string, unknown> };
  mode: "call" | "iterate" | "stream" | "bytes";
  /** What the recorder answers, in order (`PUT /__script`). */
  replies: unknown[];
  expect: {
    requests: RequestExpectation[];
    items?: unknown[];
    result?: unknown;
    resultBase64?: string;
    error?: ErrorExpectation;
  };
}

export interface ReproCases {
  /** Path of the recorder's base URL (`/v1`). */
  baseUrlPath: string;
  cases: ReproCase[];
}

/** The cases, read fresh from testdata/repro/cases.json. */
export function reproCases(): ReproCases {
  return JSON.parse(readFileSync(join(REPRO_DIR, "cases.json"), "utf8")) as ReproCases;
}
