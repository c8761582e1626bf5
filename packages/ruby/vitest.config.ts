import { defineProject } from "vitest/config";

// The gem is tested with minitest (scripts/checks/40-ruby.mjs); this keeps the folder a named, empty vitest
// project so the workspace's `packages/*` glob does not claim the name "ruby" of generators/ruby.
export default defineProject({ test: { name: "sdk-ruby", include: [] } });
