// The README's seed snippet, run by the release dry run from a clean install of the packed tarball.
import { Embott } from "embott";

const client = new Embott({ apiKey: process.env.EMBOTT_API_KEY });
const reply = await client.conversations.sendMessage({
  conversationId: "conv_abc123",
  role: "user",
  content: "Do you ship internationally?",
});
console.log(reply.message.content);
