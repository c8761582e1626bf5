import type { Bot, ConversationDetail, Lead, Message, Product } from "./types";

/**
 * Hand-written records added to the spec's examples so lists span several pages and filters have something
 * to select. Each one is shaped by spreading over a spec example, so it conforms whenever the example does.
 */
export function supplementalBots(base: Bot): Bot[] {
  return [
    {
      ...base,
      id: "bot_seed0001",
      name: "Aurora Returns",
      status: "paused",
      channels: ["web"],
      created_at: "2026-08-02T09:00:00Z",
      updated_at: "2026-10-11T12:00:00Z",
      metadata: { team: "returns" },
    },
    {
      ...base,
      id: "bot_seed0002",
      name: "Aurora Bookings",
      status: "draft",
      channels: ["messenger"],
      created_at: "2026-07-19T15:30:00Z",
      updated_at: "2026-07-19T15:30:00Z",
      metadata: {},
    },
  ];
}

function transcript(conversationId: string, lines: [Message["role"], string, string][]): Message[] {
  return lines.map(([role, content, createdAt], index) => ({
    id: `msg_${conversationId.slice(5)}m${index + 1}`,
    object: "message",
    conversation_id: conversationId,
    role,
    content,
    created_at: createdAt,
    metadata: {},
  }));
}

function conversation(
  base: ConversationDetail,
  id: string,
  fields: Partial<ConversationDetail>,
  messages: Message[],
) {
  const last = messages.at(-1)?.created_at ?? fields.started_at ?? base.started_at;
  return {
    ...base,
    ...fields,
    id,
    messages,
    handoff: null,
    message_count: messages.length,
    last_message_at: last,
  };
}

export function supplementalConversations(base: ConversationDetail, botId: string): ConversationDetail[] {
  const open = "convseed0001";
  const closed = "convseed0002";
  const whatsapp = "convseed0003";
  return [
    conversation(
      base,
      `conv_${open}`,
      {
        bot_id: botId,
        status: "open",
        channel: "web",
        started_at: "2026-11-19T10:00:00Z",
        ended_at: null,
        visitor: { id: "vis_seed0001", locale: "de-DE" },
        metadata: {},
      },
      transcript(`conv_${open}`, [
        ["user", "What are your opening hours?", "2026-11-19T10:00:05Z"],
        [
          "assistant",
          "Our team is available Monday to Friday, 9:00–18:00 CET; I'm here around the clock.",
          "2026-11-19T10:00:06Z",
        ],
      ]),
    ),
    conversation(
      base,
      `conv_${closed}`,
      {
        bot_id: botId,
        status: "closed",
        channel: "instagram",
        started_at: "2026-11-12T18:20:00Z",
        ended_at: "2026-11-12T18:50:00Z",
        visitor: { id: "vis_seed0002", name: "Jonas Berg" },
        metadata: { end_reason: "timeout" },
      },
      transcript(`conv_${closed}`, [
        ["user", "Can I return a tent I bought last week?", "2026-11-12T18:20:04Z"],
        [
          "assistant",
          "You can return unused items within 30 days for a full refund.",
          "2026-11-12T18:20:05Z",
        ],
      ]),
    ),
    conversation(
      base,
      `conv_${whatsapp}`,
      {
        bot_id: "bot_seed0001",
        status: "open",
        channel: "whatsapp",
        started_at: "2026-10-30T08:15:00Z",
        ended_at: null,
        visitor: { id: "vis_seed0003", phone: "+4915112345678" },
        metadata: {},
      },
      transcript(`conv_${whatsapp}`, [
        ["user", "Do you accept PayPal?", "2026-10-30T08:15:10Z"],
        ["assistant", "We accept cards, PayPal and Klarna.", "2026-10-30T08:15:11Z"],
      ]),
    ),
  ];
}

export function supplementalLeads(base: Lead): Lead[] {
  return [
    {
      ...base,
      id: "lead_seed0001",
      conversation_id: "conv_convseed0002",
      name: "Jonas Berg",
      email: "jonas.berg@example.com",
      phone: null,
      status: "new",
      score: 41,
      captured_at: "2026-11-12T18:30:00Z",
      custom_fields: {},
      attribution: {
        ...base.attribution,
        source: "instagram",
        medium: "social",
        campaign: null,
        referrer: null,
      },
    },
    {
      ...base,
      id: "lead_seed0002",
      bot_id: "bot_seed0001",
      conversation_id: "conv_convseed0003",
      name: "Lena Vogel",
      email: "lena.vogel@example.com",
      phone: "+4915112345678",
      status: "qualified",
      score: 67,
      captured_at: "2026-10-30T08:20:00Z",
      custom_fields: { interest: "sleeping bags" },
    },
  ];
}

export function supplementalProducts(base: Product): Product[] {
  const product = (id: string, name: string, slug: string, amount: number, inStock: boolean): Product => ({
    ...base,
    id: `prod_${id}`,
    name,
    description: `${name} from the Aurora Outdoor catalog.`,
    url: `https://aurora-outdoor.example/products/${slug}`,
    image_url: null,
    sku: `AUR-${slug.toUpperCase()}`,
    price: { amount, currency: "EUR" },
    in_stock: inStock,
  });
  return [
    product("seed0001", "Trail Headlamp 400", "trail-headlamp-400", 4900, true),
    product("seed0002", "Canyon 45L Backpack", "canyon-45l-backpack", 18900, true),
    product("seed0003", "Ridge Trekking Poles", "ridge-trekking-poles", 7900, false),
  ];
}
