#!/usr/bin/env node
// Writes testdata/webhook-signatures.json: shared webhook-signature test vectors for every Embott SDK.
// Deterministic (fixed secrets, bodies and clock), signatures computed for real with node:crypto.
//   node testdata/generate-webhook-vectors.mjs            rewrite the file
//   node testdata/generate-webhook-vectors.mjs --stdout   print the vectors instead
// Output: { notes, cases }. Each case carries its `scheme` (the x-embott-webhook-signature fields) and its body
// as UTF-8 text or base64 bytes (`body_encoding`); NOTES below is what a verifier in any language must know.
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const NOW = 1_798_761_600; // 2027-01-01T00:00:00Z
const TOLERANCE = 300;
const SECRET = "whsec_test_3q2+7wAbC9dEfGhIjKlMnOpQ";
const OLD_SECRET = "whsec_test_old_Zz0Yy1Xx2Ww3Vv4Uu5Tt";

const NOTES = [
  "HMAC-SHA256 key = the UTF-8 bytes of the whole secret string, `whsec_` prefix included (no base64 decoding).",
  "Body = the exact bytes received: `body` is UTF-8 text when body_encoding is utf8, base64 of raw bytes when " +
    "base64 (not valid UTF-8; never decode it to a string before hashing).",
  "scheme.scheme timestamped: header `t=<unix>,v1=<sig>[,v1=…]`, signed message `{t}.` + body bytes, tolerance " +
    "in seconds both ways, checked after the signature; plain: header `<prefix><sig>`, signed message = body.",
  "scheme.encoding hex compares case-insensitively; base64 compares exactly.",
  "Pass `now` (unix seconds) and `tolerance` as the verifier's clock and tolerance; plain cases ignore both.",
  "The timestamp is signed as the text received: `t=0<unix>` (leading zeros, allowed by the spec's pattern) is " +
    "signed over `0<unix>.` + body and its value is read as the integer for the tolerance window.",
  "More than one `t=` entry is malformed_header (two timestamps are ambiguous; no first-wins or last-wins).",
  "A v1 value is compared whole: `v1=<valid signature>` followed by anything (junk, a space, more hex) is " +
    "signature_mismatch, never accepted by parsing a prefix.",
  "`header` is the value handed to the verifier: a string, null (absent), a list of strings (repeated header " +
    "lines, joined with `,` before parsing) or, to test robustness, a number or a list with a " +
    "non-string item, which is malformed_header, never a crash.",
  "expect is `valid` or the error code: missing_header, malformed_header, no_signatures, signature_mismatch, " +
    "timestamp_too_old, timestamp_in_future.",
];

const EMBOTT = {
  header: "Embott-Signature",
  scheme: "timestamped",
  algorithm: "hmac-sha256",
  encoding: "hex",
  tolerance: TOLERANCE,
};
const EMBOTT_BASE64 = { ...EMBOTT, encoding: "base64" };
const PLAIN = {
  header: "X-Hub-Signature-256",
  scheme: "plain",
  algorithm: "hmac-sha256",
  encoding: "hex",
  prefix: "sha256=",
};

const event = {
  id: "evt_01J9ZQ4V7K3M",
  object: "event",
  type: "lead.captured",
  created_at: "2027-01-01T00:00:00Z",
  api_version: "2026-11-01",
  data: { id: "lead_01J9ZQ4V", name: "Zoë Ångström", email: "zoe@example.com", score: 87, phone: null },
};
const BODY = JSON.stringify(event);
const MULTIBYTE_BODY = JSON.stringify({ ...event, data: { ...event.data, note: "café 🚀" } });
// Bytes that are not valid UTF-8 (0xff, a lone continuation byte): decoding them to text changes them.
const BINARY_BODY = Buffer.from([
  0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x80, 0x7b, 0x22, 0x61, 0x22, 0x7d, 0x00,
]);

const toBytes = (body) => (typeof body === "string" ? Buffer.from(body, "utf8") : body);
const hmac = (secret, message, encoding = "hex") =>
  createHmac("sha256", Buffer.from(secret, "utf8")).update(message).digest(encoding);
const sign = (secret, timestamp, body, encoding = "hex") =>
  hmac(secret, Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), toBytes(body)]), encoding);
const header = (timestamp, ...signatures) =>
  [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(",");
const flipLastHex = (hex) => hex.slice(0, -1) + (hex.endsWith("0") ? "1" : "0");
const bytesCase = (bytes) => ({ body: bytes.toString("base64"), body_encoding: "base64" });

function buildCases() {
  const valid = sign(SECRET, NOW, BODY);
  const at = (offset) => header(NOW + offset, sign(SECRET, NOW + offset, BODY));
  const base = {
    scheme: EMBOTT,
    secret: SECRET,
    body_encoding: "utf8",
    body: BODY,
    now: NOW,
    tolerance: TOLERANCE,
  };
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
    ...strictnessCases(valid),
    [
      "reserialised_json_body",
      { body: JSON.stringify(event, null, 2), header: header(NOW, valid), expect: "signature_mismatch" },
    ],
    [
      "body_with_trailing_newline",
      { body: `${BODY}\n`, header: header(NOW, valid), expect: "signature_mismatch" },
    ],
    ...encodingCases(),
  ];
  return cases.map(([name, fields]) => ({ name, ...base, ...fields }));
}

/** Leading zeros, repeated timestamps, junk after a signature and header values that are not strings. */
function strictnessCases(valid) {
  const zeroPadded = `0${NOW}`;
  return [
    [
      "timestamp_leading_zeros_signed_as_received",
      { header: header(zeroPadded, sign(SECRET, zeroPadded, BODY)), expect: "valid" },
    ],
    [
      "timestamp_leading_zeros_signed_without_them",
      { header: header(zeroPadded, valid), expect: "signature_mismatch" },
    ],
    [
      "timestamp_leading_zeros_still_checked_for_age",
      {
        header: header(`00${NOW - TOLERANCE - 1}`, sign(SECRET, `00${NOW - TOLERANCE - 1}`, BODY)),
        expect: "timestamp_too_old",
      },
    ],
    [
      "duplicate_timestamp_same_value",
      { header: `t=${NOW},t=${NOW},v1=${valid}`, expect: "malformed_header" },
    ],
    [
      "duplicate_timestamp_last_signed",
      {
        header: `t=${NOW - 3600},t=${NOW},v1=${valid}`,
        expect: "malformed_header",
      },
    ],
    [
      "duplicate_timestamp_first_signed",
      { header: `t=${NOW},t=${NOW - 3600},v1=${valid}`, expect: "malformed_header" },
    ],
    ["junk_after_signature", { header: header(NOW, `${valid}zz`), expect: "signature_mismatch" }],
    ["extra_hex_after_signature", { header: header(NOW, `${valid}00`), expect: "signature_mismatch" }],
    ["space_then_junk_after_signature", { header: header(NOW, `${valid} x`), expect: "signature_mismatch" }],
    ["truncated_signature", { header: header(NOW, valid.slice(0, -2)), expect: "signature_mismatch" }],
    ["header_list_of_strings", { header: [`t=${NOW}`, `v1=${valid}`], expect: "valid" }],
    ["header_number", { header: 42, expect: "malformed_header" }],
    ["header_list_with_non_string", { header: [`t=${NOW},v1=${valid}`, 7], expect: "malformed_header" }],
  ];
}

/** Non-ASCII and binary bodies, the plain scheme and base64 signatures. */
function encodingCases() {
  const lossyUtf8 = Buffer.from(BINARY_BODY.toString("utf8"), "utf8");
  const base64 = sign(SECRET, NOW, BODY, "base64");
  const plain = (body) => `sha256=${hmac(SECRET, toBytes(body))}`;
  return [
    [
      "multibyte_utf8_body",
      { body: MULTIBYTE_BODY, header: header(NOW, sign(SECRET, NOW, MULTIBYTE_BODY)), expect: "valid" },
    ],
    [
      "multibyte_body_other_unicode_normalisation",
      {
        body: MULTIBYTE_BODY.replace("café", "cafe\u0301"),
        header: header(NOW, sign(SECRET, NOW, MULTIBYTE_BODY)),
        expect: "signature_mismatch",
      },
    ],
    [
      "binary_body_as_bytes",
      { ...bytesCase(BINARY_BODY), header: header(NOW, sign(SECRET, NOW, BINARY_BODY)), expect: "valid" },
    ],
    [
      "binary_body_signed_after_lossy_utf8_decoding",
      {
        ...bytesCase(BINARY_BODY),
        header: header(NOW, sign(SECRET, NOW, lossyUtf8)),
        expect: "signature_mismatch",
      },
    ],
    ["plain_scheme_valid", { scheme: PLAIN, header: plain(BODY), expect: "valid" }],
    [
      "plain_scheme_multibyte_body",
      { scheme: PLAIN, body: MULTIBYTE_BODY, header: plain(MULTIBYTE_BODY), expect: "valid" },
    ],
    [
      "plain_scheme_tampered_body",
      { scheme: PLAIN, header: plain(`${BODY} `), expect: "signature_mismatch" },
    ],
    [
      "plain_scheme_without_prefix",
      { scheme: PLAIN, header: hmac(SECRET, toBytes(BODY)), expect: "no_signatures" },
    ],
    ["base64_encoding_valid", { scheme: EMBOTT_BASE64, header: header(NOW, base64), expect: "valid" }],
    [
      "base64_encoding_is_case_sensitive",
      { scheme: EMBOTT_BASE64, header: header(NOW, base64.toLowerCase()), expect: "signature_mismatch" },
    ],
    [
      "base64_encoding_given_hex",
      { scheme: EMBOTT_BASE64, header: header(NOW, sign(SECRET, NOW, BODY)), expect: "signature_mismatch" },
    ],
  ];
}

const output = `${JSON.stringify({ notes: NOTES, cases: buildCases() }, null, 2)}\n`;
if (process.argv.includes("--stdout")) {
  process.stdout.write(output);
} else {
  writeFileSync(fileURLToPath(new URL("./webhook-signatures.json", import.meta.url)), output);
}
