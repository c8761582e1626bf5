// Scale: requests per second with 1,000 and with 100,000 bots in the store, side by side. Creates look names up in
// an index and list pages read only their page (a binary search for the cursor), so the rate should not fall with
// the collection: goal within 20 %. Run: pnpm --filter @embott/mock bench:scale
import type { Bot } from "../src/store/types";
import { ADMIN, drive, perSecond, unlimitedMock } from "./load";

const REQUESTS = Number(process.env.SCALE_REQUESTS ?? 2_000);
const SIZES = [1_000, 100_000];

/** A store holding `count` bots (put directly: seeding over HTTP would measure the seeding). */
function mockWithBots(count: number) {
  const harness = unlimitedMock();
  const [template] = harness.mock.store.bots.sorted() as Bot[];
  if (!template) throw new Error("the seed has no bot to copy");
  const start = Date.parse("2020-01-01T00:00:00Z");
  for (let index = harness.mock.store.bots.all().length; index < count; index++) {
    const at = new Date(start + index * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    harness.mock.store.bots.put({
      ...template,
      id: `bot_scale${index}`,
      name: `Scale ${index}`,
      created_at: at,
    });
  }
  return harness;
}

type Operation = "create" | "firstPage" | "nextPage";
const LABELS: Record<Operation, string> = {
  create: "POST /bots",
  firstPage: "GET /bots (first page)",
  nextPage: "GET /bots?cursor (page 6)",
};

/** The three requests against one store, each a function of the request number. */
async function requestsFor(count: number): Promise<Record<Operation, (i: number) => Promise<Response>>> {
  const { send } = mockWithBots(count);
  const first = await send("/bots?limit=100", { headers: ADMIN });
  const cursor = ((await first.json()) as { next_cursor: string }).next_cursor;
  let created = 0;
  return {
    create: () =>
      send("/bots", {
        method: "POST",
        headers: ADMIN,
        body: JSON.stringify({ name: `New ${count} ${created++}` }),
      }),
    firstPage: () => send("/bots?limit=20", { headers: ADMIN }),
    nextPage: () => send(`/bots?limit=20&cursor=${cursor}`, { headers: ADMIN }),
  };
}

// Both stores stay loaded and are measured in alternation, best of three rounds, so a busy machine skews both.
const stores = await Promise.all(SIZES.map(requestsFor));
console.log(
  `${"in-process, best of 3".padEnd(28)}${SIZES.map((n) => `${n.toLocaleString("en-US")} bots`.padStart(16)).join("")}   ratio`,
);
for (const operation of Object.keys(LABELS) as Operation[]) {
  const best = SIZES.map(() => 0);
  for (let round = 0; round < 3; round++) {
    for (const [index, store] of stores.entries()) {
      best[index] = Math.max(best[index] ?? 0, await drive(REQUESTS, 4, store[operation]));
    }
  }
  const [small = 0, large = 0] = best;
  const ratio = `${Math.round((large / small) * 100)}%`;
  console.log(
    `${LABELS[operation].padEnd(28)}${perSecond(small).padStart(16)}${perSecond(large).padStart(16)}   ${ratio.padStart(5)}`,
  );
}
console.log("(goal: the 100,000 column within 20 % of the 1,000 column)");
