// Runs the README's snippet end to end. Without EMBOTT_BASE_URL it starts the Embott mock on 127.0.0.1.
import { FIXTURE_KEYS, startMockServer } from "@embott/mock";
import { Embott } from "embott";

const mockServer = process.env.EMBOTT_BASE_URL ? undefined : await startMockServer();
if (mockServer) {
  process.env.EMBOTT_BASE_URL = `${mockServer.url}/v1`;
  process.env.EMBOTT_API_KEY ??= FIXTURE_KEYS.admin;
  console.log(`mock server listening on ${mockServer.url}`);
}

try {
  // The seed snippet, verbatim.
  const client = new Embott({ apiKey: process.env.EMBOTT_API_KEY });
  const reply = await client.conversations.sendMessage({
    conversationId: "conv_abc123",
    role: "user",
    content: "Do you ship internationally?",
  });
  console.log(reply.message.content);

  // Every bot, two per request: the SDK fetches the next page as the loop needs it.
  console.log("\nbots:");
  for await (const bot of client.bots.list({ limit: 2 })) {
    console.log(`  ${bot.id}  ${bot.status.padEnd(6)}  ${bot.name}`);
  }

  // The same question as a stream of typed events.
  console.log("\nstreamed reply:");
  const stream = await client.conversations.streamMessage({
    conversationId: "conv_abc123",
    role: "user",
    content: "And how long does delivery take?",
  });
  for await (const event of stream) {
    if (event.type === "message.delta") process.stdout.write(event.delta);
    if (event.type === "message.completed")
      console.log(`\n(${event.message.id}, ${event.message.content.length} chars)`);
  }
} finally {
  await mockServer?.close();
}
