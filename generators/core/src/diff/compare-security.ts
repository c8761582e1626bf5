import type { Collector } from "./collector";
import type { Level } from "./report";
import type { SurfaceRequirement } from "./surface";

/**
 * A method's security requirements: alternatives (any one will do), each needing every scheme it names with
 * the listed scopes. The change is judged by who can still call it: a caller whose credentials met some old
 * alternative must meet a new one (else breaking: a new credential or scope is needed); a new alternative that
 * asks for less than every old one lets more keys in (additive); anything else is `none`.
 */
export function compareSecurity(
  collector: Collector,
  path: string,
  before: SurfaceRequirement[],
  after: SurfaceRequirement[],
): void {
  const old = anonymousIfEmpty(before);
  const now = anonymousIfEmpty(after);
  if (describe(old, true) === describe(now, true)) return;
  const keepsAccess = old.every((was) => now.some((is) => asksNoMore(is, was)));
  const letsMoreIn = now.some((is) => !old.some((was) => asksNoMore(was, is)));
  const level: Level = !keepsAccess ? "breaking" : letsMoreIn ? "additive" : "none";
  const anonymous = (requirements: SurfaceRequirement[]) =>
    requirements.some((requirement) => Object.keys(requirement).length === 0);
  if (anonymous(old) && !anonymous(now)) collector.add(path, `now requires auth (${describe(now)})`, level);
  else if (anonymous(now) && !anonymous(old)) collector.add(path, "no longer requires auth", level);
  else if (describe(old) === describe(now))
    collector.add(path, `scopes ${scopeList(old)} → ${scopeList(now)}`, level);
  else collector.add(path, `auth ${describe(old, true)} → ${describe(now, true)}`, level);
}

/** `[]` sends no credentials: the one alternative that needs nothing. */
const anonymousIfEmpty = (requirements: SurfaceRequirement[]): SurfaceRequirement[] =>
  requirements.length === 0 ? [{}] : requirements;

/** Whether credentials meeting `wider` always meet `narrower` too: no scheme or scope more. */
function asksNoMore(narrower: SurfaceRequirement, wider: SurfaceRequirement): boolean {
  return Object.entries(narrower).every(([scheme, scopes]) => {
    const held = wider[scheme];
    return held !== undefined && scopes.every((scope) => held.includes(scope));
  });
}

/** `bearerAuth + keyAuth or oauth`; with scopes: `bearerAuth [bots:read]`. */
function describe(requirements: SurfaceRequirement[], scopes = false): string {
  return requirements
    .map(
      (requirement) =>
        Object.entries(requirement)
          .map(([id, needed]) => (scopes && needed.length > 0 ? `${id} [${needed.join(", ")}]` : id))
          .join(" + ") || "none",
    )
    .join(" or ");
}

/** Every scope any alternative needs: `bots:read, bots:write`, or `none`. */
function scopeList(requirements: SurfaceRequirement[]): string {
  const scopes = [
    ...new Set(requirements.flatMap((requirement) => Object.values(requirement).flat())),
  ].sort();
  return scopes.length === 0 ? "none" : scopes.join(", ");
}
