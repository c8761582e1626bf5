#!/usr/bin/env node
// Writes testdata/webhook-signatures.json: shared webhook-signature test vectors for every Embott SDK.
// Deterministic (fixed secrets, bodies and clock), signatures computed for real with node:crypto.
//   node testdata/generate-webhook-vectors.mjs            rewrite the file
//   node testdata/generate-webhook-vectors.mjs --stdout   print the vectors instead
// Scheme: header `t=<unix>,v1=<hex HMAC-SHA256(key = UTF-8 bytes of the whole secret, "{t}.{raw body}")>`,
// tolerance applied both ways, checked after the signature (so a stale forged request is a signature_mismatch).
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const NOW = 1_798_761_600; // 2027-01-01T00:00:00Z
const TOLERANCE = 300;
const SECRET = "whsec_test_3q2+7wAbC9dEfGhIjKlMnOpQ";
const OLD_SECRET = "whsec_test_old_Zz0Yy1Xx2Ww3Vv4Uu5Tt";

const event = {
  id: "evt_01J9ZQ4V7K3M",
  object: "event",
  type: "lead.captured",
  created_at: "2027-01-01T00:00:00Z",
  api_version: "2026-11-01",
  data: { id: "lead_01J9ZQ4V", name: "Zoë Ångström", email: "zoe@example.com", score: 87, phone: null },
};
const BODY = JSON.stringify(event);

const sign = (secret, timestamp, body) =>
  createHmac("sha256", Buffer.from(secret, "utf8")).update(`${timestamp}.${body}`, "utf8").digest("hex");
const header = (timestamp, ...signatures) =>
  [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(",");
const flipLastHex = (hex) => hex.slice(0, -1) + (hex.endsWith("0") ? "1" : "0");

function buildCases() {
  const valid = sign(SECRET, NOW, BODY);
  const at = (offset) => header(NOW + offset, sign(SECRET, NOW + offset, BODY));
  const base = { secret: SECRET, body: BODY, now: NOW, tolerance: TOLERANCE };
  const cases = [
    ["valid", { header: header(NOW, valid), expect: "valid" }],
    ["valid_oldest_allowed", { header: at(-TOLERANCE), expect: "valid" }],
    ["valid_newest_allowed", { header: at(TOLERANCE), expect: "valid" }],
    [
      "tampered_body",
      {
        body: BODY.replace('"score":87', '"score":99'),
        header: header(NOW, valid),
        expect: "signature_mismatch",
      },
    ],
    ["tampered_signature", { header: header(NOW, flipLastHex(valid)), expect: "signature_mismatch" }],
    ["wrong_secret", { header: header(NOW, sign(OLD_SECRET, NOW, BODY)), expect: "signature_mismatch" }],
    ["timestamp_not_signed_value", { header: header(NOW + 1, valid), expect: "signature_mismatch" }],
    ["stale", { header: at(-TOLERANCE - 1), expect: "timestamp_too_old" }],
    ["future", { header: at(TOLERANCE + 1), expect: "timestamp_in_future" }],
    ["stale_within_custom_tolerance", { header: at(-TOLERANCE - 1), tolerance: 600, expect: "valid" }],
    [
      "stale_and_forged",
      {
        header: header(NOW - 3600, flipLastHex(sign(SECRET, NOW - 3600, BODY))),
        expect: "signature_mismatch",
      },
    ],
    [
      "rotated_secret_second_entry_valid",
      { header: header(NOW, sign(OLD_SECRET, NOW, BODY), valid), expect: "valid" },
    ],
    ["missing_header", { header: null, expect: "missing_header" }],
    ["empty_header", { header: "", expect: "missing_header" }],
    ["malformed_no_timestamp", { header: `v1=${valid}`, expect: "malformed_header" }],
    ["malformed_garbage", { header: "not a signature", expect: "malformed_header" }],
    ["malformed_timestamp_not_integer", { header: `t=17987616OO,v1=${valid}`, expect: "malformed_header" }],
    ["no_v1_entries", { header: `t=${NOW}`, expect: "no_signatures" }],
    ["only_unknown_scheme_entries", { header: `t=${NOW},v0=${valid}`, expect: "no_signatures" }],
    [
      "unknown_scheme_entries_ignored",
      { header: `t=${NOW},v0=deadbeef,v1=${valid},v2=cafe`, expect: "valid" },
    ],
    ["uppercase_hex", { header: header(NOW, valid.toUpperCase()), expect: "valid" }],
    ["whitespace_in_header", { header: ` t=${NOW} ,  v1=${valid} `, expect: "valid" }],
    [
      "reserialised_json_body",
      { body: JSON.stringify(event, null, 2), header: header(NOW, valid), expect: "signature_mismatch" },
    ],
    [
      "body_with_trailing_newline",
      { body: `${BODY}\n`, header: header(NOW, valid), expect: "signature_mismatch" },
    ],
  ];
  return cases.map(([name, fields]) => ({ name, ...base, ...fields }));
}

const output = `${JSON.stringify(buildCases(), null, 2)}\n`;
if (process.argv.includes("--stdout")) {
  process.stdout.write(output);
} else {
  writeFileSync(fileURLToPath(new URL("./webhook-signatures.json", import.meta.url)), output);
}
